package org.urbaninvest.project.repository;

import java.util.ArrayList;
import java.util.List;
import org.urbaninvest.project.domain.ProjectFilter;

/** A project filter as one SQL condition. A zone with its subzones is one recursive subquery, not a query per zone. */
public final class ProjectConditions {

    private ProjectConditions() {
    }

    /** The WHERE condition (never empty) and its parameters, in order, for {@code ?} placeholders. */
    public static Sql where(ProjectFilter filter) {
        StringBuilder sql = new StringBuilder("TRUE");
        List<Object> parameters = new ArrayList<>();
        if (filter.zone() != null) {
            if (filter.includeSubzones()) {
                sql.append(" AND zone_code IN (WITH RECURSIVE tree(code) AS (SELECT code FROM zone WHERE code = ?"
                        + " UNION ALL SELECT z.code FROM zone z JOIN tree t ON z.parent_code = t.code)"
                        + " SELECT code FROM tree)");
            } else {
                sql.append(" AND zone_code = ?");
            }
            parameters.add(filter.zone());
        }
        if (filter.zonesInScope() != null) {
            sql.append(filter.zonesInScope().isEmpty() ? " AND FALSE"
                    : " AND zone_code IN (" + "?, ".repeat(filter.zonesInScope().size() - 1) + "?)");
            parameters.addAll(filter.zonesInScope());
        }
        if (filter.programme() != null) {
            sql.append(" AND programme_code = ?");
            parameters.add(filter.programme());
        }
        if (filter.category() != null) {
            sql.append(" AND category_code = ?");
            parameters.add(filter.category());
        }
        if (filter.status() != null) {
            sql.append(" AND status = ?");
            parameters.add(filter.status());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            String pattern = "%" + filter.q().trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            sql.append(" AND (lower(name) LIKE ? OR code LIKE ?)");
            parameters.add(pattern);
            parameters.add(pattern);
        }
        return new Sql(sql.toString(), parameters);
    }

    public record Sql(String condition, List<Object> parameters) {
    }
}
