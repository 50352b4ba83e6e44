package org.urbaninvest.investment.events;

import java.time.Instant;
import java.util.UUID;
import org.urbaninvest.investment.domain.InvestorKind;

/** The value of every event on {@code investors.v1}: the investor's snapshot ({@code events/defs/investor.json}). */
public record InvestorPayload(UUID id, String name, InvestorKind kind, String creditCode, String country,
        long version, Instant createdAt, Instant updatedAt) {
}
