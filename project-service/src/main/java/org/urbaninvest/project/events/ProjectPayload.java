package org.urbaninvest.project.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.project.domain.FundingSource;
import org.urbaninvest.project.domain.Identifier;
import org.urbaninvest.project.domain.Milestone;
import org.urbaninvest.project.domain.ProjectStatus;
import org.urbaninvest.project.domain.ProjectType;

/** The value of every event on {@code projects.v1}: the project's full snapshot ({@code events/project.schema.json}). */
public record ProjectPayload(String code, String name, String zoneCode, String programmeCode, String categoryCode,
        ProjectStatus status, ProjectType type, String sector, Money estimatedInvestment, LocalDate plannedStart,
        LocalDate plannedCompletion, Location location, List<FundingSource> fundingSources,
        List<Milestone> milestones, List<Identifier> identifiers, String description, long version,
        Instant createdAt, Instant updatedAt) {

    /** A GeoJSON {@code Point} or {@code LineString}, coordinates as the project holds them. */
    public record Location(String type, JsonNode coordinates) {
    }
}
