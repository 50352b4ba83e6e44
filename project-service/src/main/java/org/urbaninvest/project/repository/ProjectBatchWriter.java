package org.urbaninvest.project.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.urbaninvest.platform.jdbc.JdbcBatch;

/**
 * Bulk reads and writes of projects for imports, on the transaction's own connection: reads take an array of
 * codes, writes are JDBC batches; never a round trip per project.
 */
@ApplicationScoped
public class ProjectBatchWriter {

    @Inject
    EntityManager entityManager;

    /** The status of each of {@code codes} that is a project. */
    public Map<String, String> statuses(Collection<String> codes) {
        return column(codes, "status");
    }

    /** The zone of each of {@code codes} that is a project. */
    public Map<String, String> zones(Collection<String> codes) {
        return column(codes, "zone_code");
    }

    private Map<String, String> column(Collection<String> codes, String column) {
        Map<String, String> statuses = new HashMap<>();
        work(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT code, " + column + " FROM project WHERE code = ANY (?)")) {
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

    /**
     * The projects among {@code codes}. They are not locked: {@link #update} only replaces the version it read,
     * and an insert of a code stored meanwhile fails on the primary key; either refuses the whole import.
     */
    public Map<String, ProjectEntity> read(Collection<String> codes) {
        Map<String, ProjectEntity> projects = new HashMap<>();
        work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + ProjectRepository.COLUMNS
                    + " FROM project WHERE code = ANY (?)")) {
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

    /**
     * Inserts new projects (the import's columns; the JSON documents stay empty) as one JDBC batch, which the
     * driver sends as multi-row inserts ({@code reWriteBatchedInserts}).
     */
    public void insert(List<ProjectEntity> projects) {
        JdbcBatch.execute(entityManager, "INSERT INTO project (code, name, zone_code, programme_code, category_code,"
                + " status, type, sector, estimated_investment_amount, estimated_investment_currency, planned_start,"
                + " planned_completion, version, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", projects, (insert, p) -> {
                    insert.setString(1, p.code);
                    insert.setString(2, p.name);
                    insert.setString(3, p.zoneCode);
                    insert.setString(4, p.programmeCode);
                    insert.setString(5, p.categoryCode);
                    insert.setString(6, p.status);
                    insert.setString(7, p.type);
                    insert.setString(8, p.sector);
                    insert.setBigDecimal(9, p.estimatedAmount);
                    insert.setString(10, p.estimatedCurrency);
                    insert.setObject(11, p.plannedStart);
                    insert.setObject(12, p.plannedCompletion);
                    insert.setLong(13, p.version);
                    insert.setObject(14, JdbcBatch.timestamp(p.createdAt));
                    insert.setObject(15, JdbcBatch.timestamp(p.updatedAt));
                });
    }

    /**
     * Writes the import's columns, the new version and time of projects read with {@link #read}: one JDBC
     * batch of single-row updates by primary key (sent together), each guarded by the version it replaces.
     */
    public void update(List<ProjectEntity> projects) {
        JdbcBatch.update(entityManager, "UPDATE project SET name = ?, zone_code = ?, programme_code = ?,"
                + " category_code = ?, status = ?, type = ?, sector = ?, estimated_investment_amount = ?,"
                + " estimated_investment_currency = ?, planned_start = ?, planned_completion = ?, version = ?,"
                + " updated_at = ? WHERE code = ? AND version = ?", projects, (update, p) -> {
                    update.setString(1, p.name);
                    update.setString(2, p.zoneCode);
                    update.setString(3, p.programmeCode);
                    update.setString(4, p.categoryCode);
                    update.setString(5, p.status);
                    update.setString(6, p.type);
                    update.setString(7, p.sector);
                    update.setBigDecimal(8, p.estimatedAmount);
                    update.setString(9, p.estimatedCurrency);
                    update.setObject(10, p.plannedStart);
                    update.setObject(11, p.plannedCompletion);
                    update.setLong(12, p.version);
                    update.setObject(13, JdbcBatch.timestamp(p.updatedAt));
                    update.setString(14, p.code);
                    update.setLong(15, p.version - 1);
                }, "a project");
    }

    /** Appends history entries (one JDBC batch): each a version and the snapshot it was published with. */
    public void history(List<HistoryRow> entries) {
        JdbcBatch.execute(entityManager, "INSERT INTO project_version (project_code, version, at, actor, change,"
                + " changed_fields, snapshot) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)", entries, (insert, entry) -> {
                    insert.setString(1, entry.code());
                    insert.setLong(2, entry.version());
                    insert.setObject(3, JdbcBatch.timestamp(entry.at()));
                    insert.setString(4, entry.actor());
                    insert.setString(5, entry.change());
                    insert.setString(6, entry.changedFields());
                    insert.setString(7, entry.snapshot());
                });
    }

    /** One history entry; {@code changedFields} and {@code snapshot} are JSON. */
    public record HistoryRow(String code, long version, java.time.Instant at, String actor, String change,
            String changedFields, String snapshot) {
    }

    private void work(org.hibernate.jdbc.Work work) {
        entityManager.unwrap(Session.class).doWork(work);
    }
}
