package org.urbaninvest.platform.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.urbaninvest.platform.security.Actor;
import org.urbaninvest.platform.time.Clock;

/**
 * The audit trail of an aggregate: each version is recorded in the transaction that made it, with the token
 * subject that made it and its snapshot (the version's event payload); {@link #of} answers every version, oldest
 * first, with the fields that changed from the previous one, from what to what.
 */
@ApplicationScoped
public class VersionHistory {

    /** Fields every snapshot carries that say when, not what: never listed as changes. */
    private static final Set<String> BOOKKEEPING = Set.of("version", "createdAt", "updatedAt");

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    Actor actor;

    @Inject
    Clock clock;

    /** Records {@code version} of {@code aggregate} {@code key}; {@code change} says how (e.g. "registered"). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String aggregate, String key, long version, String change, Object snapshot) {
        try {
            entityManager.createNativeQuery("INSERT INTO version_history"
                    + " (aggregate, key, version, at, actor, change, snapshot) VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb))")
                    .setParameter(1, aggregate).setParameter(2, key).setParameter(3, version)
                    .setParameter(4, Timestamp.from(clock.now())).setParameter(5, actor.name())
                    .setParameter(6, change).setParameter(7, json.writeValueAsString(snapshot))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot of " + aggregate + " " + key + " not writable as JSON", e);
        }
    }

    /** Every recorded version of {@code aggregate} {@code key}, oldest first; empty when there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Version> of(String aggregate, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT version, at, actor, change, CAST(snapshot AS text)"
                + " FROM version_history WHERE aggregate = ?1 AND key = ?2 ORDER BY version")
                .setParameter(1, aggregate).setParameter(2, key).getResultList();
        List<Version> versions = new ArrayList<>(rows.size());
        JsonNode previous = json.createObjectNode();
        for (Object[] row : rows) {
            JsonNode snapshot = read((String) row[4]);
            versions.add(new Version(((Number) row[0]).longValue(), instant(row[1]), (String) row[2],
                    (String) row[3], changes(previous, snapshot)));
            previous = snapshot;
        }
        return versions;
    }

    /** The top-level fields whose value differs, in name order; a field absent on one side is null there. */
    static List<Version.FieldChange> changes(JsonNode before, JsonNode after) {
        Set<String> fields = new TreeSet<>();
        before.fieldNames().forEachRemaining(fields::add);
        for (Iterator<String> names = after.fieldNames(); names.hasNext(); ) {
            fields.add(names.next());
        }
        List<Version.FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode from = before.get(field);
            JsonNode to = after.get(field);
            if (!BOOKKEEPING.contains(field) && !same(from, to)) {
                changes.add(new Version.FieldChange(field, nullIfMissing(from), nullIfMissing(to)));
            }
        }
        return changes;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        return nullIfMissing(a) == null ? nullIfMissing(b) == null : a.equals(b);
    }

    private static JsonNode nullIfMissing(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private JsonNode read(String snapshot) {
        try {
            return json.readTree(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable snapshot in version_history", e);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
