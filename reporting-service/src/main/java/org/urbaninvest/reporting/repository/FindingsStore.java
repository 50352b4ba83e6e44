package org.urbaninvest.reporting.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;
import org.urbaninvest.reporting.domain.Finding;

/**
 * The bookkeeping of zone-findings.v1: which zones are to be evaluated again, the findings last published per
 * zone, and the day of the last daily re-evaluation. Methods run in the caller's transaction.
 */
@ApplicationScoped
public class FindingsStore {

    /** Any constant works: the database is the service's own. */
    private static final long PUBLISHER_LOCK = 0xF1D1265L;
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    /** One publisher at a time across replicas; held until the transaction ends. */
    public boolean tryLock() {
        return work(connection -> ZoneMarks.tryLock(connection, PUBLISHER_LOCK));
    }

    public List<ZoneMarks.Mark> pending(int limit) {
        return work(connection -> ZoneMarks.FINDINGS.pending(connection, limit));
    }

    public void done(List<ZoneMarks.Mark> marks) {
        work(connection -> ZoneMarks.FINDINGS.done(connection, marks));
    }

    /**
     * Claims {@code day}'s re-evaluation: true for the first caller of the day on any instance (a concurrent one
     * waits for this transaction and then finds the day taken), false for every later one.
     */
    public boolean claimDay(LocalDate day) {
        return work(connection -> {
            try (PreparedStatement claim = connection.prepareStatement("""
                    INSERT INTO findings_evaluation (singleton, evaluated_on) VALUES (true, ?)
                    ON CONFLICT (singleton) DO UPDATE SET evaluated_on = EXCLUDED.evaluated_on
                    WHERE findings_evaluation.evaluated_on <> EXCLUDED.evaluated_on""")) {
                claim.setObject(1, day);
                return claim.executeUpdate() == 1;
            }
        });
    }

    /** Marks every zone of the active generation to be evaluated again; returns how many. */
    public int markAll() {
        return work(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT generation FROM projection_generation WHERE status = 'ACTIVE'");
                    ResultSet rs = query.executeQuery()) {
                return rs.next() ? ZoneMarks.FINDINGS.insertAll(connection, rs.getInt(1)) : 0;
            }
        });
    }

    /** The findings last published of each of {@code zones} that has been published. */
    public Map<String, List<Finding>> published(Collection<String> zones) {
        return work(connection -> {
            Map<String, List<Finding>> published = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT zone_code, findings FROM zone_findings_published WHERE zone_code = ANY (?)")) {
                query.setArray(1, connection.createArrayOf("text", zones.toArray()));
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        published.put(rs.getString(1), read(rs.getString(2)));
                    }
                }
            }
            return published;
        });
    }

    public void publish(String zone, List<Finding> findings) {
        work(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO zone_findings_published (zone_code, findings, published_at)
                    VALUES (?, CAST(? AS JSONB), clock_timestamp())
                    ON CONFLICT (zone_code) DO UPDATE SET findings = EXCLUDED.findings,
                        published_at = EXCLUDED.published_at""")) {
                upsert.setString(1, zone);
                upsert.setString(2, text(findings));
                return upsert.executeUpdate();
            }
        });
    }

    private List<Finding> read(String text) {
        try {
            return json.readValue(text, FINDINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("published findings cannot be read: " + e.getMessage(), e);
        }
    }

    private String text(List<Finding> findings) {
        try {
            return json.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("findings cannot be written as JSON", e);
        }
    }

    private <T> T work(ReturningWork<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work);
    }
}
