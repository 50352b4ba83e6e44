package org.urbaninvest.project.mapping;

import java.math.BigDecimal;
import java.util.List;
import org.urbaninvest.project.repository.ZoneEntity;
import org.urbaninvest.project.rest.Zone;
import org.urbaninvest.project.rest.ZoneRequest;

public final class ZoneMapper {

    private ZoneMapper() {
    }

    public static Zone toApi(ZoneEntity zone, List<String> children) {
        return new Zone(zone.code, zone.name, zone.kind, zone.parentCode, plain(zone.areaKm2), zone.population,
                zone.regionCode, zone.description, children, zone.version, zone.createdAt, zone.updatedAt);
    }

    /** Copies everything a client sets; code, version and times are the service's. */
    public static void apply(ZoneRequest request, ZoneEntity zone) {
        zone.name = request.name();
        zone.kind = request.kind();
        zone.parentCode = request.parentCode();
        zone.areaKm2 = request.areaKm2();
        zone.population = request.population();
        zone.regionCode = request.regionCode();
        zone.description = request.description();
    }

    /** 88 rather than 88.00: an area is a measure, not money. */
    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
