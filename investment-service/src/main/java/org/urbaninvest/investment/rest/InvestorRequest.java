package org.urbaninvest.investment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.urbaninvest.investment.domain.CreditCode;
import org.urbaninvest.investment.domain.InvestorKind;

/** The body of {@code POST /api/v1/investors} and {@code PUT /api/v1/investors/{id}}. */
@Schema(example = """
        {"name": "Shanxi Road Investment Co.", "kind": "STATE_OWNED", "creditCode": "91110108192553637M",
        "country": "CN"}
        """)
public record InvestorRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull InvestorKind kind,
        @CreditCode String creditCode,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code") String country) {
}
