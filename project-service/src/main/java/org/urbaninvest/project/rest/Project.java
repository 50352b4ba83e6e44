package org.urbaninvest.project.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
@Schema(example = """
        {"code": "north-water-plant", "name": "North water plant", "zoneCode": "demo-park",
        "status": "implementation", "type": "expansion",
        "sector": "water.supply", "estimatedInvestment": {"amount": "86000000.00", "currency": "CNY"},
        "plannedStart": "2025-04-01", "plannedCompletion": "2026-10-31",
        "location": {"type": "Point", "coordinates": [112.61, 37.92]},
        "fundingSources": [{"kind": "LOCAL_FISCAL", "amount": {"amount": "26000000.00", "currency": "CNY"}},
        {"kind": "BANK_LOAN", "amount": {"amount": "60000000.00", "currency": "CNY"}}],
        "milestones": [{"code": "commencement", "title": "Works begin", "dueDate": "2025-04-01",
        "dateMet": "2025-04-03", "status": "met"}], "identifiers": [],
        "description": "A second treatment line of 50,000 m3 a day", "version": 2,
        "createdAt": "2025-01-20T08:00:00Z", "updatedAt": "2025-04-03T16:20:00Z"}
        """)
public record Project(String code, String name, String zoneCode, String programmeCode, String categoryCode,
        ProjectStatus status, ProjectType type, String sector, Money estimatedInvestment, LocalDate plannedStart,
        LocalDate plannedCompletion, Geometry location, List<FundingSource> fundingSources,
        List<Milestone> milestones, List<Identifier> identifiers, String description, long version,
        Instant createdAt, Instant updatedAt) {
}
