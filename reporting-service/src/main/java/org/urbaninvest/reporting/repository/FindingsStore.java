package org.urbaninvest.reporting.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;
import org.urbaninvest.reporting.domain.Finding;
import org.urbaninvest.reporting.domain.FindingChanges;

/**
 * The bookkeeping of zone-findings.v1: which zones are to be evaluated again, the findings last published per
 * zone, and the day of the last daily re-evaluation. Methods run in the caller's transaction.
 */
@ApplicationScoped
public class FindingsStore {

    /** Any constant works: the database is the service's own. */
    private static final long PUBLISHER_LOCK = 0xF1D1265L;

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

    /** The keys of the findings last published of each of {@code zones} that has any. */
    public Map<String, Set<String>> publishedKeys(Collection<String> zones) {
        return work(connection -> {
            Map<String, Set<String>> keys = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT zone_code, finding_key FROM zone_finding_published WHERE zone_code = ANY (?)")) {
                query.setArray(1, connection.createArrayOf("text", zones.toArray()));
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        keys.computeIfAbsent(rs.getString(1), zone -> new HashSet<>()).add(rs.getString(2));
                    }
                }
            }
            return keys;
        });
    }

    /** The findings of {@code keys} last published for {@code zone}, by key. */
    public List<Finding> published(String zone, Collection<String> keys) {
        return work(connection -> {
            List<Finding> findings = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT finding FROM zone_finding_published"
                    + " WHERE zone_code = ? AND finding_key = ANY (?) ORDER BY finding_key")) {
                query.setString(1, zone);
                query.setArray(2, connection.createArrayOf("text", keys.toArray()));
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        findings.add(read(rs.getString(1)));
                    }
                }
            }
            return findings;
        });
    }

    /** Records a publication of {@code zone}: its {@code changes.raised()} added, its {@code changes.cleared()} gone. */
    public void publish(String zone, FindingChanges changes) {
        work(connection -> {
            if (!changes.cleared().isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM zone_finding_published WHERE zone_code = ? AND finding_key = ANY (?)")) {
                    delete.setString(1, zone);
                    delete.setArray(2, connection.createArrayOf("text",
                            changes.cleared().stream().map(Finding::key).toArray()));
                    delete.executeUpdate();
                }
            }
            if (!changes.raised().isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO zone_finding_published (zone_code, finding_key, finding)
                        SELECT ?, k, CAST(f AS JSONB) FROM unnest(?::text[], ?::text[]) AS r(k, f)
                        ON CONFLICT (zone_code, finding_key) DO UPDATE SET finding = EXCLUDED.finding""")) {
                    insert.setString(1, zone);
                    insert.setArray(2, connection.createArrayOf("text",
                            changes.raised().stream().map(Finding::key).toArray()));
                    insert.setArray(3, connection.createArrayOf("text",
                            changes.raised().stream().map(this::text).toArray()));
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    private Finding read(String text) {
        try {
            return json.readValue(text, Finding.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a published finding cannot be read: " + e.getMessage(), e);
        }
    }

    private String text(Finding finding) {
        try {
            return json.writeValueAsString(finding);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a finding cannot be written as JSON", e);
        }
    }

    private <T> T work(ReturningWork<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work);
    }
}
