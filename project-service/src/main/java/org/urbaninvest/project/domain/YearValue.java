package org.urbaninvest.project.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A plan indicator's value for a year: its baseline or one of its targets. */
public record YearValue(
        @NotNull @Min(1900) @Max(2200) Integer year,
        @NotNull @Pattern(regexp = Decimals.PATTERN, message = Decimals.MESSAGE) String value) {
}
