package org.urbaninvest.project.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.urbaninvest.project.domain.Category;
import org.urbaninvest.project.domain.Declared;
import org.urbaninvest.project.domain.Codes;

/** An opportunity list as a client publishes or replaces it; on PUT {@code code} may be left out. */
@Schema(example = """
        {"code": "east-2025", "name": "East district opportunities 2025", "zoneCode": "caijia",
        "publishedOn": "2025-03-01", "declared": {"projectCount": 12, "investment": {"amount": "860000000.00",
        "currency": "CNY"}}, "categories": [{"code": "roads", "name": "Roads", "declared": {"projectCount": 5,
        "investment": {"amount": "320000000.00", "currency": "CNY"}}}]}
        """)
public record ProgrammeRequest(
        @NotNull(groups = OnCreate.class) @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @NotBlank @Size(max = Codes.NAME_MAX) String name,
        @NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String zoneCode,
        @NotNull LocalDate publishedOn,
        @Valid @NotNull Declared declared,
        @NotNull @Size(max = 200) List<@Valid @NotNull Category> categories) {
}
