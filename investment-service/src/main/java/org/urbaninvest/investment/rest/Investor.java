package org.urbaninvest.investment.rest;

import java.time.Instant;
import java.util.UUID;
import org.urbaninvest.investment.domain.InvestorKind;

/** An investor as the API shows it; {@code investors.v1} carries the same fields ({@code InvestorPayload}). */
public record Investor(UUID id, String name, InvestorKind kind, String creditCode, String country, long version,
        Instant createdAt, Instant updatedAt) {
}
