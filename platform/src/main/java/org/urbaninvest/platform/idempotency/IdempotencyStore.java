package org.urbaninvest.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The {@code idempotency_key} table of the service's own database, read and written in the caller's transaction:
 * a stored answer exists exactly when the write it answered does.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** The first half of every key's advisory lock: the lock space of idempotency keys (ASCII "IDEM"). */
    static final int LOCK_CLASS = 0x4944454D;
    private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {
    };

    /** A stored answer with the fingerprint of the request it answered. */
    record Entry(String fingerprint, StoredAnswer answer) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    IdempotencyConfig config;

    /**
     * Marks the key in flight until the transaction ends; false when another transaction holds it. The lock does
     * not wait: a second request with a key still being processed is told so at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(IdempotencyKey key) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?, ?)")) {
                lock.setInt(1, LOCK_CLASS);
                lock.setInt(2, key.lockId());
                try (ResultSet rs = lock.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    /** The answer stored for the key within its time to live. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Entry> find(IdempotencyKey key) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement find = connection.prepareStatement("SELECT fingerprint, status, headers, body"
                    + " FROM idempotency_key WHERE principal = ? AND idem_key = ?"
                    + " AND created_at > now() - make_interval(secs => ?)")) {
                find.setString(1, key.principal());
                find.setString(2, key.value());
                find.setLong(3, config.ttl().toSeconds());
                try (ResultSet rs = find.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Entry(rs.getString(1),
                            new StoredAnswer(rs.getInt(2), readHeaders(rs.getString(3)), rs.getString(4))));
                }
            }
        });
    }

    /** Stores the first answer; replaces an expired entry of the same key, the only one that can still exist. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(IdempotencyKey key, String fingerprint, StoredAnswer answer) {
        String headers = writeHeaders(answer.headers());
        session().doWork(connection -> {
            try (PreparedStatement save = connection.prepareStatement("INSERT INTO idempotency_key"
                    + " (principal, idem_key, fingerprint, status, headers, body, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, now())"
                    + " ON CONFLICT (principal, idem_key) DO UPDATE SET fingerprint = excluded.fingerprint,"
                    + " status = excluded.status, headers = excluded.headers, body = excluded.body,"
                    + " created_at = excluded.created_at")) {
                save.setString(1, key.principal());
                save.setString(2, key.value());
                save.setString(3, fingerprint);
                save.setInt(4, answer.status());
                save.setString(5, headers);
                if (answer.body() == null) {
                    save.setNull(6, Types.VARCHAR);
                } else {
                    save.setString(6, answer.body());
                }
                save.executeUpdate();
            }
        });
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }

    private String writeHeaders(Map<String, List<String>> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers cannot be stored as JSON", e);
        }
    }

    private Map<String, List<String>> readHeaders(String headers) {
        try {
            return json.readValue(headers, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored headers are not JSON", e);
        }
    }
}
