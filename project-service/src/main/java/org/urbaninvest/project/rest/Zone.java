package org.urbaninvest.project.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.urbaninvest.project.domain.ZoneKind;

/** A zone as GET returns it and as its events carry it. */
@Schema(example = """
        {"code": "demo-park", "name": "Demo Park", "kind": "INDUSTRIAL_PARK", "parentCode": "caijia",
        "areaKm2": 12.5, "population": 48000, "regionCode": "140105",
        "description": "An industrial park in the east of the district", "children": ["demo-park-north"],
        "version": 3, "createdAt": "2025-02-11T08:30:00Z", "updatedAt": "2025-03-02T10:15:42Z"}
        """)
public record Zone(String code, String name, ZoneKind kind, String parentCode, BigDecimal areaKm2, Long population,
        String regionCode, String description, List<String> children, long version, Instant createdAt,
        Instant updatedAt) {
}
