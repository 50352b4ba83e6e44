package org.urbaninvest.project.repository;

import java.util.ArrayList;
import java.util.List;

/**
 * The filters of {@code GET /api/v1/projects} as one SQL condition, used alike by the JSON page and the
 * streamed CSV. A zone with its subzones is one recursive subquery, not a query per zone.
 */
public record ProjectFilter(String zone, boolean includeSubzones, String programme, String category, String status,
        String q) {

    /** The WHERE condition (never empty) and its parameters, in order, for {@code ?} placeholders. */
    public Sql where() {
        StringBuilder sql = new StringBuilder("TRUE");
        List<Object> parameters = new ArrayList<>();
        if (zone != null) {
            if (includeSubzones) {
                sql.append(" AND zone_code IN (WITH RECURSIVE tree(code) AS (SELECT code FROM zone WHERE code = ?"
                        + " UNION ALL SELECT z.code FROM zone z JOIN tree t ON z.parent_code = t.code)"
                        + " SELECT code FROM tree)");
            } else {
                sql.append(" AND zone_code = ?");
            }
            parameters.add(zone);
        }
        if (programme != null) {
            sql.append(" AND programme_code = ?");
            parameters.add(programme);
        }
        if (category != null) {
            sql.append(" AND category_code = ?");
            parameters.add(category);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            parameters.add(status);
        }
        if (q != null && !q.isBlank()) {
            String pattern = "%" + q.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%";
            sql.append(" AND (lower(name) LIKE ? OR code LIKE ?)");
            parameters.add(pattern);
            parameters.add(pattern);
        }
        return new Sql(sql.toString(), parameters);
    }

    public record Sql(String condition, List<Object> parameters) {
    }
}
