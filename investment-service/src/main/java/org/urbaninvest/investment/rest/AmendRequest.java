package org.urbaninvest.investment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.urbaninvest.platform.money.Money;

/** The body of {@code POST /api/v1/agreements/{id}/amend}: each amount given replaces the current one. */
@Schema(example = """
        {"signedAmount": {"amount": "520000.00", "currency": "CNY"}, "reason": "Supplementary agreement No. 1"}
        """)
public record AmendRequest(@Valid Money intendedAmount, @Valid Money signedAmount,
        @NotBlank @Size(max = 2000) String reason) {
}
