package org.urbaninvest.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;
import org.urbaninvest.platform.tracing.TraceContext;

/** The bookkeeping of zone-summaries.v1: which zones changed, and when each was last published. */
@ApplicationScoped
public class SummaryStore {

    /** Any constant works: the database is the service's own. */
    private static final long PUBLISHER_LOCK = 0x5E0A7C5L;

    @Inject
    EntityManager entityManager;

    /** A zone marked changed, with the trace context of the event application that marked it. */
    public record Change(long id, String zoneCode, TraceContext trace) {
    }

    public List<Change> pending(int limit) {
        return work(connection -> {
            List<Change> changes = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, zone_code, traceparent, tracestate FROM zone_change ORDER BY id LIMIT ?")) {
                query.setInt(1, limit);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        changes.add(new Change(rs.getLong(1), rs.getString(2),
                                new TraceContext(rs.getString(3), rs.getString(4))));
                    }
                }
            }
            return changes;
        });
    }

    /** One publisher at a time across replicas; held until the transaction ends. */
    public boolean tryLock() {
        return work(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, PUBLISHER_LOCK);
                try (ResultSet rs = lock.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    /** The zones among {@code codes} published less than {@code interval} ago. */
    public Set<String> publishedWithin(Collection<String> codes, Duration interval) {
        return work(connection -> {
            Set<String> recent = new HashSet<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT zone_code FROM zone_publication
                    WHERE zone_code = ANY (?) AND published_at > clock_timestamp() - make_interval(secs => ?)""")) {
                query.setArray(1, connection.createArrayOf("text", codes.toArray()));
                query.setDouble(2, interval.toMillis() / 1000.0);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        recent.add(rs.getString(1));
                    }
                }
            }
            return recent;
        });
    }

    public void published(Collection<String> codes) {
        batch("""
                INSERT INTO zone_publication (zone_code, published_at) VALUES (?, clock_timestamp())
                ON CONFLICT (zone_code) DO UPDATE SET published_at = EXCLUDED.published_at""", codes);
    }

    /** Keeps zones marked as changed for a later round, with their traces. */
    public void defer(Map<String, TraceContext> zones) {
        work(connection -> insertChanges(connection, zones));
    }

    /** Marks zones changed (in key order), each with its trace context; one batch. */
    public static Void insertChanges(Connection connection, Map<String, TraceContext> zones) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO zone_change (zone_code, traceparent, tracestate) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, TraceContext> zone : new TreeMap<>(zones).entrySet()) {
                insert.setString(1, zone.getKey());
                insert.setString(2, zone.getValue().traceparent());
                insert.setString(3, zone.getValue().tracestate());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return null;
    }

    public void done(List<Change> changes) {
        work(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM zone_change WHERE id = ANY (?)")) {
                delete.setArray(1, connection.createArrayOf("bigint", changes.stream().map(Change::id).toArray()));
                return delete.executeUpdate();
            }
        });
    }

    private void batch(String sql, Collection<String> codes) {
        work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (String code : codes.stream().sorted().toList()) {
                    statement.setString(1, code);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    private <T> T work(ReturningWork<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work);
    }
}
