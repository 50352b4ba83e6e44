package org.urbaninvest.project.rest;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.urbaninvest.project.domain.Indicator;
import org.urbaninvest.project.domain.PlanPeriod;
import org.urbaninvest.project.domain.PlanSource;

/** A zone's plan as GET returns it and as its events carry it. */
@Schema(example = PlanRequest.EXAMPLE_START + """
        , "version": 1, "createdAt": "2026-12-03T09:00:00Z", "updatedAt": "2026-12-03T09:00:00Z"}
        """)
public record Plan(String code, String zoneCode, String title, PlanSource source, PlanPeriod period,
        List<Indicator> indicators, long version, Instant createdAt, Instant updatedAt) {
}
