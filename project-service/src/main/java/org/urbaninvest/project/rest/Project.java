package org.urbaninvest.project.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.project.domain.ProjectStatus;
import org.urbaninvest.project.domain.ProjectType;
import org.urbaninvest.project.domain.FundingSource;
import org.urbaninvest.project.domain.Milestone;
import org.urbaninvest.project.domain.Identifier;

/** A project as GET returns it and as its events carry it. */
public record Project(String code, String name, String zoneCode, String programmeCode, String categoryCode,
        ProjectStatus status, ProjectType type, String sector, Money estimatedInvestment, LocalDate plannedStart,
        LocalDate plannedCompletion, Geometry location, List<FundingSource> fundingSources,
        List<Milestone> milestones, List<Identifier> identifiers, String description, long version,
        Instant createdAt, Instant updatedAt) {
}
