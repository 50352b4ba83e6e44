package org.urbaninvest.project.domain;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A measured value of a plan indicator on a date, with where it was published ({@code source} may be null). */
public record Observation(
        @NotNull LocalDate date,
        @NotNull @Pattern(regexp = Decimals.PATTERN, message = Decimals.MESSAGE) String value,
        @Size(max = Codes.NAME_MAX) String source) {
}
