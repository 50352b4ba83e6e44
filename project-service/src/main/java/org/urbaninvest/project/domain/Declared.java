package org.urbaninvest.project.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.urbaninvest.platform.money.Money;

/** What an opportunity list announced: a number of projects and the investment they add up to. */
public record Declared(@NotNull @PositiveOrZero Integer projectCount, @Valid @NotNull Money investment) {
}
