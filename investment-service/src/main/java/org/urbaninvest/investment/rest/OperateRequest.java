package org.urbaninvest.investment.rest;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The body of {@code POST /api/v1/agreements/{id}/operate}. */
public record OperateRequest(@NotNull LocalDate operationalOn) {
}
