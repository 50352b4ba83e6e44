package org.urbaninvest.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    public List<ZoneMarks.Mark> pending(int limit) {
        return work(connection -> ZoneMarks.SUMMARIES.pending(connection, limit));
    }

    /** One publisher at a time across replicas; held until the transaction ends. */
    public boolean tryLock() {
        return work(connection -> ZoneMarks.tryLock(connection, PUBLISHER_LOCK));
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
        work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO zone_publication (zone_code, published_at) VALUES (?, clock_timestamp())
                    ON CONFLICT (zone_code) DO UPDATE SET published_at = EXCLUDED.published_at""")) {
                for (String code : codes.stream().sorted().toList()) {
                    statement.setString(1, code);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    /** Keeps zones marked as changed for a later round, with their traces. */
    public void defer(Map<String, TraceContext> zones) {
        work(connection -> ZoneMarks.SUMMARIES.insert(connection, zones));
    }

    public void done(List<ZoneMarks.Mark> changes) {
        work(connection -> ZoneMarks.SUMMARIES.done(connection, changes));
    }

    private <T> T work(ReturningWork<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work);
    }
}
