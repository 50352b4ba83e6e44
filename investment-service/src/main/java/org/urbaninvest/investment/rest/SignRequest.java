package org.urbaninvest.investment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.urbaninvest.platform.money.Money;

/** The body of {@code POST /api/v1/agreements/{id}/sign}. */
public record SignRequest(@Valid @NotNull Money signedAmount, @NotNull LocalDate signedOn) {
}
