package org.urbaninvest.project.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.urbaninvest.project.domain.ZoneKind;

/** A zone as GET returns it and as its events carry it. */
public record Zone(String code, String name, ZoneKind kind, String parentCode, BigDecimal areaKm2, Long population,
        String regionCode, String description, List<String> children, long version, Instant createdAt,
        Instant updatedAt) {
}
