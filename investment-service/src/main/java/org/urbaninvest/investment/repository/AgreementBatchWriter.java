package org.urbaninvest.investment.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.urbaninvest.investment.domain.AgreementKey;
import org.urbaninvest.platform.jdbc.JdbcBatch;

/**
 * Bulk reads and writes of agreements for imports, on the transaction's own connection: reads take arrays of keys,
 * writes are JDBC batches (sent as multi-row inserts, {@code reWriteBatchedInserts}); never a round trip per
 * agreement.
 */
@ApplicationScoped
public class AgreementBatchWriter {

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
     * The agreements among {@code keys}, with their history and disbursements, detached: the import changes them in
     * memory and writes them with {@link #update}, which only replaces the version it read. Not locked: a change
     * made meanwhile makes that update refuse the whole import.
     */
    public Map<AgreementKey, AgreementEntity> read(Collection<AgreementKey> keys) {
        Map<AgreementKey, AgreementEntity> found = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        if (!keys.isEmpty()) {
            work(connection -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT a.id FROM agreement a"
                        + " JOIN unnest(?::uuid[], ?::text[]) AS k(investor_id, reference)"
                        + " ON a.investor_id = k.investor_id AND a.reference = k.reference")) {
                    select.setArray(1, connection.createArrayOf("uuid",
                            keys.stream().map(AgreementKey::investorId).toArray()));
                    select.setArray(2, connection.createArrayOf("text",
                            keys.stream().map(AgreementKey::reference).toArray()));
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getObject(1, UUID.class));
                        }
                    }
                }
            });
        }
        if (ids.isEmpty()) {
            return found;
        }
        Session session = entityManager.unwrap(Session.class);
        List<AgreementEntity> agreements = entityManager
                .createQuery("FROM AgreementEntity WHERE id IN :ids", AgreementEntity.class)
                .setParameter("ids", ids).getResultList();
        for (AgreementEntity agreement : agreements) { // collections load in batches of 500 agreements
            Hibernate.initialize(agreement.history);
            Hibernate.initialize(agreement.disbursements);
        }
        for (AgreementEntity agreement : agreements) {
            agreement.history.forEach(session::detach);
            agreement.disbursements.forEach(session::detach);
            session.detach(agreement);
            found.put(new AgreementKey(agreement.investorId, agreement.reference), agreement);
        }
        return found;
    }

    /** Inserts new agreements (one JDBC batch). */
    public void insert(List<AgreementEntity> agreements) {
        JdbcBatch.execute(entityManager, "INSERT INTO agreement (stage, intended_amount, intended_currency,"
                + " intended_on, signed_amount, signed_currency, signed_on, started_on, operational_on, withdrawn_on,"
                + " withdrawal_reason, version, updated_at, id, project_code, zone_code, investor_id, reference,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", agreements,
                (insert, a) -> {
                    int next = state(insert, a);
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
     * Writes the stage, amounts, dates, version and time of changed agreements: one JDBC batch of single-row updates
     * by primary key, each guarded by the version it replaces.
     */
    public void update(List<Changed> changed) {
        JdbcBatch.update(entityManager, "UPDATE agreement SET stage = ?, intended_amount = ?, intended_currency = ?,"
                + " intended_on = ?, signed_amount = ?, signed_currency = ?, signed_on = ?, started_on = ?,"
                + " operational_on = ?, withdrawn_on = ?, withdrawal_reason = ?, version = ?, updated_at = ?"
                + " WHERE id = ? AND version = ?", changed, (update, c) -> {
                    int next = state(update, c.agreement());
                    update.setObject(next, c.agreement().id);
                    update.setLong(next + 1, c.storedVersion());
                }, "an agreement");
    }

    /** Binds what a change may touch (stage, amounts, dates, reason, version, time) from 1; returns the next index. */
    private static int state(PreparedStatement statement, AgreementEntity a) throws SQLException {
        statement.setString(1, a.stage.name());
        statement.setBigDecimal(2, a.intendedAmount);
        statement.setString(3, a.intendedCurrency);
        statement.setObject(4, a.intendedOn);
        statement.setBigDecimal(5, a.signedAmount);
        statement.setString(6, a.signedCurrency);
        statement.setObject(7, a.signedOn, Types.DATE);
        statement.setObject(8, a.startedOn, Types.DATE);
        statement.setObject(9, a.operationalOn, Types.DATE);
        statement.setObject(10, a.withdrawnOn, Types.DATE);
        statement.setString(11, a.withdrawalReason);
        statement.setLong(12, a.version);
        statement.setObject(13, JdbcBatch.timestamp(a.updatedAt));
        return 14;
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
