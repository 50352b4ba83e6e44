package org.urbaninvest.project.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Bulk reads and writes of projects for imports, on the transaction's own connection: each is one statement
 * per batch (arrays unnested by PostgreSQL), never one per project.
 */
@ApplicationScoped
public class ProjectBatchWriter {

    private static final String[] INSERT_COLUMNS = {"code", "name", "zone_code", "programme_code", "category_code",
        "status", "type", "sector", "estimated_investment_amount", "estimated_investment_currency", "planned_start",
        "planned_completion", "version", "created_at", "updated_at"};
    private static final String[] CAST = {"text", "text", "text", "text", "text", "text", "text", "text", "numeric",
        "text", "date", "date", "bigint", "timestamptz", "timestamptz"};

    @Inject
    EntityManager entityManager;

    /** The status of each of {@code codes} that is a project. */
    public Map<String, String> statuses(Collection<String> codes) {
        Map<String, String> statuses = new HashMap<>();
        work(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT code, status FROM project WHERE code = ANY (?)")) {
                select.setArray(1, connection.createArrayOf("text", codes.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        statuses.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        });
        return statuses;
    }

    /** The projects among {@code codes}, locked until the transaction ends. */
    public Map<String, ProjectEntity> lock(Collection<String> codes) {
        Map<String, ProjectEntity> projects = new HashMap<>();
        work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + ProjectRepository.COLUMNS
                    + " FROM project WHERE code = ANY (?) FOR UPDATE")) {
                select.setArray(1, connection.createArrayOf("text", codes.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ProjectEntity project = ProjectRows.read(rs);
                        projects.put(project.code, project);
                    }
                }
            }
        });
        return projects;
    }

    /** Inserts new projects (the import's columns; the JSON documents stay empty). */
    public void insert(List<ProjectEntity> projects) {
        if (projects.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO project (").append(String.join(", ", INSERT_COLUMNS))
                .append(") SELECT * FROM unnest(");
        for (int i = 0; i < INSERT_COLUMNS.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("?::text[]::").append(CAST[i]).append("[]");
        }
        sql.append(")");
        work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                bindColumns(connection, insert, projects);
                insert.executeUpdate();
            }
        });
    }

    /** Writes the import's columns, the new version and time of projects read with {@link #lock}. */
    public void update(List<ProjectEntity> projects) {
        if (projects.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("UPDATE project p SET ");
        for (int i = 1; i < INSERT_COLUMNS.length; i++) {
            if (!INSERT_COLUMNS[i].equals("created_at")) {
                sql.append(i == 1 ? "" : ", ").append(INSERT_COLUMNS[i]).append(" = u.").append(INSERT_COLUMNS[i]);
            }
        }
        sql.append(" FROM unnest(");
        for (int i = 0; i < INSERT_COLUMNS.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("?::text[]::").append(CAST[i]).append("[]");
        }
        sql.append(") AS u(").append(String.join(", ", INSERT_COLUMNS)).append(") WHERE p.code = u.code");
        work(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql.toString())) {
                bindColumns(connection, update, projects);
                int updated = update.executeUpdate();
                if (updated != projects.size()) {
                    throw new IllegalStateException("expected to update " + projects.size() + " projects, updated "
                            + updated);
                }
            }
        });
    }

    /** Appends history entries: the version's code, number, time, actor, kind of change, fields and snapshot. */
    public void history(List<String[]> entries) {
        if (entries.isEmpty()) {
            return;
        }
        work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO project_version"
                    + " (project_code, version, at, actor, change, changed_fields, snapshot) SELECT * FROM unnest("
                    + "?::text[], ?::text[]::bigint[], ?::text[]::timestamptz[], ?::text[], ?::text[],"
                    + " ?::text[]::jsonb[], ?::text[]::jsonb[])")) {
                for (int column = 0; column < 7; column++) {
                    int c = column;
                    insert.setArray(column + 1, connection.createArrayOf("text",
                            entries.stream().map(e -> e[c]).toArray()));
                }
                insert.executeUpdate();
            }
        });
    }

    private static void bindColumns(Connection connection, PreparedStatement statement, List<ProjectEntity> projects)
            throws SQLException {
        List<Function<ProjectEntity, Object>> getters = List.of(p -> p.code, p -> p.name, p -> p.zoneCode,
                p -> p.programmeCode, p -> p.categoryCode, p -> p.status, p -> p.type, p -> p.sector,
                p -> p.estimatedAmount.toPlainString(), p -> p.estimatedCurrency, p -> p.plannedStart,
                p -> p.plannedCompletion, p -> p.version, p -> p.createdAt, p -> p.updatedAt);
        for (int i = 0; i < getters.size(); i++) {
            Function<ProjectEntity, Object> getter = getters.get(i);
            Object[] values = projects.stream().map(getter).map(v -> v == null ? null : v.toString()).toArray();
            Array array = connection.createArrayOf("text", values);
            statement.setArray(i + 1, array);
        }
    }

    private void work(org.hibernate.jdbc.Work work) {
        entityManager.unwrap(Session.class).doWork(work);
    }
}
