package org.urbaninvest.project.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/** Reads a project row selected with {@link ProjectRepository#COLUMNS} over plain JDBC (imports, CSV export). */
public final class ProjectRows {

    private ProjectRows() {
    }

    public static ProjectEntity read(ResultSet rs) throws SQLException {
        ProjectEntity project = new ProjectEntity();
        project.code = rs.getString("code");
        project.name = rs.getString("name");
        project.zoneCode = rs.getString("zone_code");
        project.programmeCode = rs.getString("programme_code");
        project.categoryCode = rs.getString("category_code");
        project.status = rs.getString("status");
        project.type = rs.getString("type");
        project.sector = rs.getString("sector");
        project.estimatedAmount = rs.getBigDecimal("estimated_investment_amount");
        project.estimatedCurrency = rs.getString("estimated_investment_currency");
        project.plannedStart = rs.getObject("planned_start", LocalDate.class);
        project.plannedCompletion = rs.getObject("planned_completion", LocalDate.class);
        project.location = rs.getString("location");
        project.fundingSources = rs.getString("funding_sources");
        project.milestones = rs.getString("milestones");
        project.identifiers = rs.getString("identifiers");
        project.description = rs.getString("description");
        project.version = rs.getLong("version");
        project.createdAt = instant(rs, "created_at");
        project.updatedAt = instant(rs, "updated_at");
        return project;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, java.time.OffsetDateTime.class).toInstant();
    }
}
