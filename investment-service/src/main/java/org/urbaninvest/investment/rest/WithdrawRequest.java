package org.urbaninvest.investment.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The body of {@code POST /api/v1/agreements/{id}/withdraw}. */
public record WithdrawRequest(@NotNull LocalDate withdrawnOn, @NotBlank @Size(max = 2000) String reason) {
}
