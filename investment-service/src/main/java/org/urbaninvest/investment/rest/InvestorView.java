package org.urbaninvest.investment.rest;

import java.time.Instant;
import java.util.UUID;
import org.urbaninvest.investment.domain.InvestorKind;

/** An investor as the API and {@code investors.v1} show it. */
public record InvestorView(UUID id, String name, InvestorKind kind, String creditCode, String country, long version,
        Instant createdAt, Instant updatedAt) {
}
