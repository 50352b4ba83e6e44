package org.urbaninvest.project.rest;

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
