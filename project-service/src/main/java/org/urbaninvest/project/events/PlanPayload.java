package org.urbaninvest.project.events;

import java.time.Instant;
import java.util.List;
import org.urbaninvest.project.domain.Indicator;
import org.urbaninvest.project.domain.PlanPeriod;
import org.urbaninvest.project.domain.PlanSource;

/** The value of every event on {@code plans.v1}: the plan's snapshot ({@code events/plan.schema.json}). */
public record PlanPayload(String code, String zoneCode, String title, PlanSource source, PlanPeriod period,
        List<Indicator> indicators, long version, Instant createdAt, Instant updatedAt) {
}
