package org.urbaninvest.project.service;

import java.util.List;
import java.util.Set;

/** The columns of the project CSV, in the order the export writes them. */
public final class CsvColumns {

    /** What an import must have (SYSTEM.md §4). */
    public static final List<String> REQUIRED = List.of("code", "name", "zoneCode", "programmeCode", "categoryCode",
            "status", "sector", "estimatedAmount", "currency", "plannedStart", "plannedCompletion");
    /** What an import may also have. */
    public static final String TYPE = "type";
    /** What the export adds and an import ignores, so that an exported file can be imported again. */
    public static final Set<String> READ_ONLY = Set.of("version", "createdAt", "updatedAt");

    public static final List<String> EXPORT = List.of("code", "name", "zoneCode", "programmeCode", "categoryCode",
            "status", "sector", "estimatedAmount", "currency", "plannedStart", "plannedCompletion", "type", "version",
            "createdAt", "updatedAt");

    private CsvColumns() {
    }
}
