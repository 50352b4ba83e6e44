package org.urbaninvest.project.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.project.domain.ProjectStatus;
import org.urbaninvest.project.domain.ProjectType;
import org.urbaninvest.project.domain.FundingSource;
import org.urbaninvest.project.domain.Milestone;
import org.urbaninvest.project.domain.Identifier;
import org.urbaninvest.project.domain.Codes;

/** A project as a client registers it or replaces it (PUT is a full replace; {@code code} may be left out). */
@Schema(example = """
        {"code": "ring-road-east", "name": "East ring road", "zoneCode": "caijia",
        "programmeCode": "east-2025", "categoryCode": "roads", "status": "preparation", "type": "construction",
        "sector": "transport.road", "estimatedInvestment": {"amount": "1250000.50", "currency": "CNY"},
        "plannedStart": "2025-06-01", "plannedCompletion": "2027-08-20",
        "location": {"type": "LineString", "coordinates": [[112.55, 37.87], [112.73, 38.41]]},
        "fundingSources": [{"kind": "SPECIAL_BOND", "amount": {"amount": "1000000.00", "currency": "CNY"}}],
        "milestones": [{"code": "opening", "title": "Opened to traffic", "dueDate": "2027-09-30",
        "status": "scheduled"}], "identifiers": [{"scheme": "CN-NDRC", "id": "2025-140000-48-01-000001"}],
        "description": "Four lanes between the park and the expressway"}
        """)
public record ProjectRequest(
        @NotNull(groups = OnCreate.class) @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @NotBlank @Size(max = Codes.NAME_MAX) String name,
        @NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String zoneCode,
        @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String programmeCode,
        @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String categoryCode,
        @NotNull ProjectStatus status,
        ProjectType type,
        @Size(max = 100) @Pattern(regexp = Codes.SECTOR_PATTERN, message = Codes.SECTOR_MESSAGE) String sector,
        @Valid @NotNull Money estimatedInvestment,
        LocalDate plannedStart,
        LocalDate plannedCompletion,
        @Valid Geometry location,
        @Size(max = 100) List<@Valid @NotNull FundingSource> fundingSources,
        @Size(max = 100) List<@Valid @NotNull Milestone> milestones,
        @Size(max = 100) List<@Valid @NotNull Identifier> identifiers,
        @Size(max = 10_000) String description) {
}
