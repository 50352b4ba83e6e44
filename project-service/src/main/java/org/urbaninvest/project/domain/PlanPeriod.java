package org.urbaninvest.project.domain;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The dates a plan covers, both included. */
public record PlanPeriod(@NotNull LocalDate startDate, @NotNull LocalDate endDate) {
}
