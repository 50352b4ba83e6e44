package org.urbaninvest.project.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.urbaninvest.project.domain.Codes;
import org.urbaninvest.project.domain.Indicator;
import org.urbaninvest.project.domain.PlanPeriod;
import org.urbaninvest.project.domain.PlanSource;

/** A plan as a client publishes or replaces it; on PUT {@code code} may be left out. */
@Schema(example = PlanRequest.EXAMPLE_START + "}")
public record PlanRequest(
        @NotNull(groups = OnCreate.class) @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String zoneCode,
        @NotBlank @Size(max = Codes.NAME_MAX) String title,
        @Valid @NotNull PlanSource source,
        @Valid @NotNull PlanPeriod period,
        @NotNull @Size(max = 100) List<@Valid @NotNull Indicator> indicators) {

    /**
     * The example plan without its closing brace, shared with {@link Plan}'s. Fields that are null (a source's
     * url, an observed indicator's derivedFrom, a baseline the source does not state) are left out of it.
     */
    static final String EXAMPLE_START = """
            {"code": "changchun-metropolitan-plan", "zoneCode": "changchun-metropolitan-area",
            "title": "Development Plan for the Changchun Metropolitan Area",
            "source": {"title": "Development Plan for the Changchun Metropolitan Area Released",
            "issuer": "Changchun Government Affairs", "date": "2022-10-17"},
            "period": {"startDate": "2022-10-17", "endDate": "2035-12-31"},
            "indicators": [{"code": "area", "name": "Area of the metropolitan area", "unit": "km2",
            "aggregation": "NONE", "baseline": {"year": 2022, "value": "29700"}, "targets": [], "observations": []},
            {"code": "economic-aggregate", "name": "Economic aggregate", "unit": "CNY", "aggregation": "SUM",
            "targets": [{"year": 2030, "value": "1350000000000"}], "observations": []}]""";
}
