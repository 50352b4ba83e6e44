package org.urbaninvest.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.urbaninvest.platform.tracing.TraceContext;

/** Reads the outbox table in tests. */
@ApplicationScoped
public class OutboxTable {

    @Inject
    EntityManager entityManager;

    public long pendingFor(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox WHERE message_key = ?1 AND published_at IS NULL")
                .setParameter(1, key).getSingleResult()).longValue());
    }

    public String eventIdFor(String key) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT event_id::text FROM outbox WHERE message_key = ?1 ORDER BY id LIMIT 1")
                .setParameter(1, key).getSingleResult().toString());
    }

    /** The trace context stored with the key's first outbox row. */
    public TraceContext traceFor(String key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) entityManager.createNativeQuery(
                    "SELECT traceparent, tracestate FROM outbox WHERE message_key = ?1 ORDER BY id LIMIT 1")
                    .setParameter(1, key).getSingleResult();
            return new TraceContext((String) row[0], (String) row[1]);
        });
    }
}
