package org.urbaninvest.investment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.urbaninvest.investment.domain.InvestorKind;

/** An investor as the API shows it; {@code investors.v1} carries the same fields ({@code InvestorPayload}). */
@Schema(example = """
        {"id": "0b9f7a4e-5c1d-4e8a-9a63-2f4d8c1e7b20", "name": "Shanxi Road Investment Co.", "kind": "STATE_OWNED",
        "creditCode": "91110108192553637M", "country": "CN", "version": 1, "createdAt": "2025-04-01T08:00:00Z",
        "updatedAt": "2025-04-01T08:00:00Z"}
        """)
public record Investor(UUID id, String name, InvestorKind kind, String creditCode, String country, long version,
        Instant createdAt, Instant updatedAt) {
}
