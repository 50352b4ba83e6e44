package org.urbaninvest.reporting.domain;

import java.time.Instant;
import java.util.List;

/** The zones and programmes the reports know (from zones.v1 and programmes.v1): for pickers and labels. */
public record Catalogue(Instant asOf, List<Zone> zones, List<Programme> programmes) {

    public record Zone(String code, String name, String kind, String parentCode) {
    }

    public record Programme(String code, String name, String zoneCode) {
    }
}
