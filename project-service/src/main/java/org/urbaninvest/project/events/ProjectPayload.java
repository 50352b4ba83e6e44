package org.urbaninvest.project.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.project.rest.FundingSource;
import org.urbaninvest.project.rest.Geometry;
import org.urbaninvest.project.rest.Identifier;
import org.urbaninvest.project.rest.Milestone;
import org.urbaninvest.project.rest.ProjectStatus;
import org.urbaninvest.project.rest.ProjectType;

/** The value of every event on {@code projects.v1}: the project's full snapshot ({@code events/project.schema.json}). */
public record ProjectPayload(String code, String name, String zoneCode, String programmeCode, String categoryCode,
        ProjectStatus status, ProjectType type, String sector, Money estimatedInvestment, LocalDate plannedStart,
        LocalDate plannedCompletion, Geometry location, List<FundingSource> fundingSources,
        List<Milestone> milestones, List<Identifier> identifiers, String description, long version,
        Instant createdAt, Instant updatedAt) {
}
