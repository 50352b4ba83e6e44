package org.urbaninvest.project.mapping;

import java.math.BigDecimal;
import java.util.List;
import org.urbaninvest.project.repository.ZoneEntity;
import org.urbaninvest.project.repository.ZoneNode;
import org.urbaninvest.project.rest.Zone;
import org.urbaninvest.project.rest.ZoneRequest;

public final class ZoneMapper {

    private ZoneMapper() {
    }

    public static Zone toApi(ZoneNode node) {
        ZoneEntity zone = node.zone();
        return new Zone(zone.code, zone.name, zone.kind, zone.parentCode, plain(zone.areaKm2), zone.population,
                zone.regionCode, zone.description, node.children(), zone.version, zone.createdAt, zone.updatedAt);
    }

    public static List<Zone> toApi(List<ZoneNode> nodes) {
        return nodes.stream().map(ZoneMapper::toApi).toList();
    }

    /**
     * What a client sent, as an unsaved zone: {@code code} as given (it may be left out on PUT), version and times
     * left to the service.
     */
    public static ZoneEntity draft(ZoneRequest request) {
        ZoneEntity zone = new ZoneEntity();
        zone.code = request.code();
        zone.name = request.name();
        zone.kind = request.kind();
        zone.parentCode = request.parentCode();
        zone.areaKm2 = request.areaKm2();
        zone.population = request.population();
        zone.regionCode = request.regionCode();
        zone.description = request.description();
        return zone;
    }

    /** Copies everything a client sets from a draft; code, version and times stay. */
    public static void copyClientFields(ZoneEntity from, ZoneEntity to) {
        to.name = from.name;
        to.kind = from.kind;
        to.parentCode = from.parentCode;
        to.areaKm2 = from.areaKm2;
        to.population = from.population;
        to.regionCode = from.regionCode;
        to.description = from.description;
    }

    /** 88 rather than 88.00: an area is a measure, not money. */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
