package org.urbaninvest.reporting.domain;

import java.util.List;

/**
 * The tables of totals kept incrementally: each row is a count and an amount under a key, within a generation.
 * An event adds to them the difference between the aggregate's new contribution and its old one.
 */
public enum TotalsTable {

    ZONE_PROJECTS("zone_project_totals", List.of("zone_code", "status", "currency")),
    ZONE_AGREEMENTS("zone_agreement_totals", List.of("zone_code", "measure", "currency")),
    ZONE_AGREEMENT_DAYS("zone_agreement_days", List.of("zone_code", "measure", "day", "currency")),
    ZONE_TIMESERIES("zone_timeseries", List.of("zone_code", "metric", "month", "currency")),
    PROGRAMME_CATEGORIES("programme_category_totals", List.of("programme_code", "category_code", "currency"));

    private final String table;
    private final List<String> keyColumns;
    private final String upsert;

    TotalsTable(String table, List<String> keyColumns) {
        this.table = table;
        this.keyColumns = keyColumns;
        String columns = String.join(", ", keyColumns);
        String placeholders = "?, ".repeat(keyColumns.size());
        this.upsert = "INSERT INTO " + table + " (generation, " + columns + ", count, amount) VALUES (?, "
                + placeholders + "?, ?) ON CONFLICT (generation, " + columns + ") DO UPDATE SET count = "
                + table + ".count + EXCLUDED.count, amount = " + table + ".amount + EXCLUDED.amount";
    }

    public String table() {
        return table;
    }

    public int keySize() {
        return keyColumns.size();
    }

    /** Adds a count and an amount to one row, creating it at zero when missing. */
    public String upsertSql() {
        return upsert;
    }
}
