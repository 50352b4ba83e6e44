package org.urbaninvest.project.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

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
        if (projects.isEmpty()) {
            return;
        }
        work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO project (code, name, zone_code,"
                    + " programme_code, category_code, status, type, sector, estimated_investment_amount,"
                    + " estimated_investment_currency, planned_start, planned_completion, version, created_at,"
                    + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ProjectEntity p : projects) {
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
                    insert.setObject(14, p.createdAt.atOffset(ZoneOffset.UTC));
                    insert.setObject(15, p.updatedAt.atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * Writes the import's columns, the new version and time of projects read with {@link #read}: one JDBC
     * batch of single-row updates by primary key (sent together), each guarded by the version it replaces.
     */
    public void update(List<ProjectEntity> projects) {
        if (projects.isEmpty()) {
            return;
        }
        work(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE project SET name = ?, zone_code = ?,"
                    + " programme_code = ?, category_code = ?, status = ?, type = ?, sector = ?,"
                    + " estimated_investment_amount = ?, estimated_investment_currency = ?, planned_start = ?,"
                    + " planned_completion = ?, version = ?, updated_at = ? WHERE code = ? AND version = ?")) {
                for (ProjectEntity p : projects) {
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
                    update.setObject(13, p.updatedAt.atOffset(ZoneOffset.UTC));
                    update.setString(14, p.code);
                    update.setLong(15, p.version - 1);
                    update.addBatch();
                }
                for (int count : update.executeBatch()) {
                    if (count != 1) {
                        throw new OptimisticLockException("a project changed while it was being imported");
                    }
                }
            }
        });
    }

    /** Appends history entries (one JDBC batch): each a version and the snapshot it was published with. */
    public void history(List<HistoryRow> entries) {
        if (entries.isEmpty()) {
            return;
        }
        work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO project_version"
                    + " (project_code, version, at, actor, change, changed_fields, snapshot)"
                    + " VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)")) {
                for (HistoryRow entry : entries) {
                    insert.setString(1, entry.code());
                    insert.setLong(2, entry.version());
                    insert.setObject(3, entry.at().atOffset(ZoneOffset.UTC));
                    insert.setString(4, entry.actor());
                    insert.setString(5, entry.change());
                    insert.setString(6, entry.changedFields());
                    insert.setString(7, entry.snapshot());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
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
