package org.urbaninvest.project.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.urbaninvest.project.domain.ZoneKind;

/** The value of every event on {@code zones.v1}: the zone's full snapshot ({@code events/zone.schema.json}). */
public record ZonePayload(String code, String name, ZoneKind kind, String parentCode, BigDecimal areaKm2,
        Long population, String regionCode, String description, List<String> children, long version,
        Instant createdAt, Instant updatedAt) {
}
