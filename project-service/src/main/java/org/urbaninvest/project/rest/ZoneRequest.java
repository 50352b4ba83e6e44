package org.urbaninvest.project.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.urbaninvest.project.domain.ZoneKind;
import org.urbaninvest.project.domain.Codes;

/** A zone as a client creates or replaces it; on PUT {@code code} may be left out (the path names it). */
@Schema(example = """
        {"code": "demo-park", "name": "Demo Park", "kind": "INDUSTRIAL_PARK", "parentCode": "caijia",
        "areaKm2": 12.5, "population": 48000, "regionCode": "140105",
        "description": "An industrial park in the east of the district"}
        """)
public record ZoneRequest(
        @NotNull(groups = OnCreate.class) @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @NotBlank @Size(max = Codes.NAME_MAX) String name,
        @NotNull ZoneKind kind,
        @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String parentCode,
        @DecimalMin(value = "0", message = "must not be negative")
        @Digits(integer = 12, fraction = 2, message = "must have at most 12 integer digits and 2 decimals")
        BigDecimal areaKm2,
        @PositiveOrZero Long population,
        @Pattern(regexp = "^[1-8][0-9]{5}$", message = "must be a 6-digit GB/T 2260 administrative division code")
        String regionCode,
        @Size(max = 10_000) String description) {
}
