package org.urbaninvest.project.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A figure a plan sets goals for. {@code unit} is an ISO 4217 currency code or one of {@link IndicatorUnits#OTHERS};
 * {@code derivedFrom} null means it is observed ({@code observations}), otherwise reporting-service derives its
 * actual value from the suite's own figures. {@code baseline} is null when the source states none.
 */
public record Indicator(
        @NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @NotBlank @Size(max = Codes.NAME_MAX) String name,
        @NotBlank @Size(max = 16) String unit,
        @NotNull Aggregation aggregation,
        DerivedFrom derivedFrom,
        @Valid YearValue baseline,
        @NotNull @Size(max = 100) List<@Valid @NotNull YearValue> targets,
        @NotNull @Size(max = 10_000) List<@Valid @NotNull Observation> observations) {
}
