package org.urbaninvest.investment.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.urbaninvest.investment.domain.AgreementKey;
import org.urbaninvest.investment.domain.Stage;
import org.urbaninvest.platform.jdbc.JdbcBatch;

/**
 * Bulk reads and writes of agreements for imports, on the transaction's own connection, without the persistence
 * context: reads take arrays of keys, inserts are JDBC batches (sent as multi-row inserts,
 * {@code reWriteBatchedInserts}), updates one statement over arrays; never a round trip per agreement. A new
 * agreement of the API is inserted here too.
 */
@ApplicationScoped
public class AgreementBatchWriter {

    /** A column a change may touch: its name, PostgreSQL and JDBC types, and the agreement's value. */
    private record StateColumn(String name, String type, int jdbcType, Function<AgreementEntity, Object> value) {
    }

    /** What a change may touch (stage, amounts, dates, reason, version, time), in the order the statements use. */
    private static final List<StateColumn> STATE = List.of(
            new StateColumn("stage", "text", Types.VARCHAR, a -> a.stage.name()),
            new StateColumn("intended_amount", "numeric", Types.NUMERIC, a -> a.intendedAmount),
            new StateColumn("intended_currency", "text", Types.VARCHAR, a -> a.intendedCurrency),
            new StateColumn("intended_on", "date", Types.DATE, a -> a.intendedOn),
            new StateColumn("signed_amount", "numeric", Types.NUMERIC, a -> a.signedAmount),
            new StateColumn("signed_currency", "text", Types.VARCHAR, a -> a.signedCurrency),
            new StateColumn("signed_on", "date", Types.DATE, a -> a.signedOn),
            new StateColumn("started_on", "date", Types.DATE, a -> a.startedOn),
            new StateColumn("operational_on", "date", Types.DATE, a -> a.operationalOn),
            new StateColumn("withdrawn_on", "date", Types.DATE, a -> a.withdrawnOn),
            new StateColumn("withdrawal_reason", "text", Types.VARCHAR, a -> a.withdrawalReason),
            new StateColumn("version", "bigint", Types.BIGINT, a -> a.version),
            new StateColumn("updated_at", "timestamptz", Types.TIMESTAMP_WITH_TIMEZONE,
                    a -> JdbcBatch.timestamp(a.updatedAt)));

    @Inject
    EntityManager entityManager;

    /** Which of {@code ids} are investors. */
    public Set<UUID> investors(Collection<UUID> ids) {
        Set<UUID> known = new HashSet<>();
        work(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM investor WHERE id = ANY (?)")) {
                select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        known.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        });
        return known;
    }

    /**
     * The agreements among {@code keys}, with their history and disbursements, read with three set-based queries
     * into entities the persistence context does not manage: the import changes them in memory and writes them with
     * {@link #update}, which only replaces the version it read. Not locked: a change made meanwhile makes that
     * update refuse the whole import.
     */
    public Map<AgreementKey, AgreementEntity> read(Collection<AgreementKey> keys) {
        Map<AgreementKey, AgreementEntity> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        Map<UUID, AgreementEntity> byId = new HashMap<>();
        work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT a.id, a.project_code, a.zone_code,"
                    + " a.investor_id, a.reference, a.created_at, a.stage, a.intended_amount, a.intended_currency,"
                    + " a.intended_on, a.signed_amount, a.signed_currency, a.signed_on, a.started_on,"
                    + " a.operational_on, a.withdrawn_on, a.withdrawal_reason, a.version, a.updated_at"
                    + " FROM agreement a"
                    + " JOIN unnest(?::uuid[], ?::text[]) AS k(investor_id, reference)"
                    + " ON a.investor_id = k.investor_id AND a.reference = k.reference")) {
                select.setArray(1, connection.createArrayOf("uuid",
                        keys.stream().map(AgreementKey::investorId).toArray()));
                select.setArray(2, connection.createArrayOf("text",
                        keys.stream().map(AgreementKey::reference).toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        AgreementEntity a = agreement(rs);
                        byId.put(a.id, a);
                        found.put(new AgreementKey(a.investorId, a.reference), a);
                    }
                }
            }
            if (byId.isEmpty()) {
                return;
            }
            Array ids = connection.createArrayOf("uuid", byId.keySet().toArray());
            readInto(connection, "SELECT agreement_id, id, seq, at, action, stage, date, actor, reason, changes"
                    + " FROM agreement_history WHERE agreement_id = ANY (?) ORDER BY agreement_id, seq", ids, byId,
                    (rs, agreement) -> agreement.history.add(history(rs, agreement)));
            readInto(connection, "SELECT agreement_id, id, reference, amount, currency, received_on, recorded_at"
                    + " FROM disbursement WHERE agreement_id = ANY (?) ORDER BY agreement_id, received_on,"
                    + " recorded_at", ids, byId, (rs, agreement) -> agreement.disbursements.add(disbursement(rs,
                            agreement)));
        });
        return found;
    }

    /** Reads a row that belongs to an agreement into it. */
    @FunctionalInterface
    private interface RowInto {
        void read(ResultSet rs, AgreementEntity agreement) throws SQLException;
    }

    /** Reads the rows of {@code sql} (the agreement's id first, {@code ids} its parameter) into their agreements. */
    private static void readInto(Connection connection, String sql, Array ids, Map<UUID, AgreementEntity> byId,
            RowInto into) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, ids);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    into.read(rs, byId.get(rs.getObject(1, UUID.class)));
                }
            }
        }
    }

    private static AgreementEntity agreement(ResultSet rs) throws SQLException {
        AgreementEntity a = new AgreementEntity();
        a.id = rs.getObject(1, UUID.class);
        a.projectCode = rs.getString(2);
        a.zoneCode = rs.getString(3);
        a.investorId = rs.getObject(4, UUID.class);
        a.reference = rs.getString(5);
        a.createdAt = instant(rs, 6);
        a.stage = Stage.valueOf(rs.getString(7));
        a.intendedAmount = rs.getBigDecimal(8);
        a.intendedCurrency = rs.getString(9);
        a.intendedOn = rs.getObject(10, LocalDate.class);
        a.signedAmount = rs.getBigDecimal(11);
        a.signedCurrency = rs.getString(12);
        a.signedOn = rs.getObject(13, LocalDate.class);
        a.startedOn = rs.getObject(14, LocalDate.class);
        a.operationalOn = rs.getObject(15, LocalDate.class);
        a.withdrawnOn = rs.getObject(16, LocalDate.class);
        a.withdrawalReason = rs.getString(17);
        a.version = rs.getLong(18);
        a.updatedAt = instant(rs, 19);
        return a;
    }

    private static HistoryEntryEntity history(ResultSet rs, AgreementEntity agreement) throws SQLException {
        HistoryEntryEntity h = new HistoryEntryEntity();
        h.agreement = agreement;
        h.id = rs.getObject(2, UUID.class);
        h.seq = rs.getInt(3);
        h.at = instant(rs, 4);
        h.action = rs.getString(5);
        h.stage = Stage.valueOf(rs.getString(6));
        h.date = rs.getObject(7, LocalDate.class);
        h.actor = rs.getString(8);
        h.reason = rs.getString(9);
        h.changes = rs.getString(10);
        return h;
    }

    private static DisbursementEntity disbursement(ResultSet rs, AgreementEntity agreement) throws SQLException {
        DisbursementEntity d = new DisbursementEntity();
        d.agreement = agreement;
        d.id = rs.getObject(2, UUID.class);
        d.reference = rs.getString(3);
        d.amount = rs.getBigDecimal(4);
        d.currency = rs.getString(5);
        d.receivedOn = rs.getObject(6, LocalDate.class);
        d.recordedAt = instant(rs, 7);
        return d;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** Inserts new agreements (one JDBC batch). */
    public void insert(List<AgreementEntity> agreements) {
        JdbcBatch.execute(entityManager, "INSERT INTO agreement (" + STATE.stream().map(StateColumn::name)
                .collect(Collectors.joining(", ")) + ", id, project_code, zone_code, investor_id, reference,"
                + " created_at) VALUES (" + "?, ".repeat(STATE.size()) + "?, ?, ?, ?, ?, ?)", agreements,
                (insert, a) -> {
                    int next = 1;
                    for (StateColumn column : STATE) {
                        insert.setObject(next++, column.value().apply(a), column.jdbcType());
                    }
                    insert.setObject(next, a.id);
                    insert.setString(next + 1, a.projectCode);
                    insert.setString(next + 2, a.zoneCode);
                    insert.setObject(next + 3, a.investorId);
                    insert.setString(next + 4, a.reference);
                    insert.setObject(next + 5, JdbcBatch.timestamp(a.createdAt));
                });
    }

    /** An agreement changed in memory and the version it had when it was read (or last written). */
    public record Changed(AgreementEntity agreement, long storedVersion) {
    }

    /**
     * Writes the stage, amounts, dates, version and time of changed agreements: one set-based UPDATE for all of
     * them (an array per column), each row guarded by the version it replaces.
     */
    public void update(List<Changed> changed) {
        List<JdbcBatch.Column<Changed>> columns = new ArrayList<>();
        STATE.forEach(c -> columns.add(new JdbcBatch.Column<>(c.type(), row -> c.value().apply(row.agreement()))));
        columns.add(new JdbcBatch.Column<>("uuid", row -> row.agreement().id));
        columns.add(new JdbcBatch.Column<>("bigint", Changed::storedVersion));
        JdbcBatch.updateAll(entityManager, "UPDATE agreement a SET " + STATE.stream()
                .map(c -> c.name() + " = c." + c.name()).collect(Collectors.joining(", "))
                + " FROM unnest(" + columns.stream().map(c -> "?::" + c.type() + "[]").collect(Collectors.joining(", "))
                + ") AS c(" + STATE.stream().map(StateColumn::name).collect(Collectors.joining(", "))
                + ", id, stored_version) WHERE a.id = c.id AND a.version = c.stored_version", columns, changed,
                "an agreement");
    }

    /** Appends history entries (one JDBC batch). */
    public void history(List<HistoryEntryEntity> entries) {
        JdbcBatch.execute(entityManager, "INSERT INTO agreement_history (id, agreement_id, seq, at, action, stage,"
                + " date, actor, reason, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entries, (insert, h) -> {
                    insert.setObject(1, h.id);
                    insert.setObject(2, h.agreement.id);
                    insert.setInt(3, h.seq);
                    insert.setObject(4, JdbcBatch.timestamp(h.at));
                    insert.setString(5, h.action);
                    insert.setString(6, h.stage.name());
                    insert.setObject(7, h.date, Types.DATE);
                    insert.setString(8, h.actor);
                    insert.setString(9, h.reason);
                    insert.setString(10, h.changes);
                });
    }

    /** Records disbursements (one JDBC batch). */
    public void disbursements(List<DisbursementEntity> disbursements) {
        JdbcBatch.execute(entityManager, "INSERT INTO disbursement (id, agreement_id, reference, amount, currency,"
                + " received_on, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", disbursements, (insert, d) -> {
                    insert.setObject(1, d.id);
                    insert.setObject(2, d.agreement.id);
                    insert.setString(3, d.reference);
                    insert.setBigDecimal(4, d.amount);
                    insert.setString(5, d.currency);
                    insert.setObject(6, d.receivedOn);
                    insert.setObject(7, JdbcBatch.timestamp(d.recordedAt));
                });
    }

    private void work(org.hibernate.jdbc.Work work) {
        entityManager.unwrap(Session.class).doWork(work);
    }
}
