package org.urbaninvest.project.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.urbaninvest.project.domain.Codes;
import org.urbaninvest.project.domain.Observation;

/** Observations to append to one indicator of a plan. */
@Schema(example = """
        {"indicatorCode": "permanent-population", "observations": [{"date": "2023-12-31", "value": "12150000",
        "source": "Statistical bulletin 2023"}]}
        """)
public record ObservationBatch(
        @NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String indicatorCode,
        @NotNull @Size(min = 1, max = 1_000) List<@Valid @NotNull Observation> observations) {
}
