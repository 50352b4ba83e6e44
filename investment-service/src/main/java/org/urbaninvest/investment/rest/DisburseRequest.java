package org.urbaninvest.investment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.urbaninvest.platform.money.Money;

/** The body of {@code POST /api/v1/agreements/{id}/disbursements}. */
public record DisburseRequest(@Valid @NotNull Money amount, @NotNull LocalDate receivedOn) {
}
