package org.urbaninvest.investment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.urbaninvest.platform.money.Money;

/** The body of {@code POST /api/v1/agreements/{id}/amend}: each amount given replaces the current one. */
public record AmendRequest(@Valid Money intendedAmount, @Valid Money signedAmount,
        @NotBlank @Size(max = 2000) String reason) {
}
