package org.urbaninvest.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.urbaninvest.platform.events.IncomingEvent;
import org.urbaninvest.platform.problem.TransientFailures;

/**
 * The consumer side of every topic: an event is applied only if its version is newer than the one held for
 * its key, in the same transaction as its effect. Duplicates and stale redeliveries are therefore no-ops.
 *
 * <p>A malformed message throws, and the channel's {@code dead-letter-queue} failure strategy moves it to
 * the dead-letter topic with the reason in its headers. A database outage is waited out instead: retrying
 * the same event later is right, sending it to the dead letters would lose it.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    private volatile boolean stopping;

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Parses the record and applies {@code effect} if the event is new for {@code stream}.
     *
     * @param stream names the sequence of versions being tracked, usually the topic; the same key in two
     *               streams is tracked separately
     * @return whether the effect was applied
     */
    public boolean apply(ConsumerRecord<String, String> record, String stream, Consumer<IncomingEvent> effect) {
        IncomingEvent event = IncomingEvent.parse(record, json);
        return apply(event, stream, effect);
    }

    public boolean apply(IncomingEvent event, String stream, Consumer<IncomingEvent> effect) {
        long backoff = 100;
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!claim(stream, event.key(), event.version())) {
                        return false;
                    }
                    effect.accept(event);
                    return true;
                });
            } catch (RuntimeException e) {
                if (stopping || !TransientFailures.isTransient(e)) {
                    throw e;
                }
                LOG.warnf("database unavailable while applying %s %s v%d; retrying in %d ms",
                        event.type(), event.key(), event.version(), backoff);
                pause(backoff);
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
    }

    /**
     * Records {@code version} as the newest seen for the key if it is newer than the one held; in the caller's
     * transaction. One statement, so two consumers racing on the same key cannot both win.
     */
    public boolean claim(String stream, String key, long version) {
        int changed = entityManager.createNativeQuery("""
                INSERT INTO consumed_version (stream, aggregate_key, version) VALUES (?1, ?2, ?3)
                ON CONFLICT (stream, aggregate_key) DO UPDATE SET version = EXCLUDED.version
                WHERE consumed_version.version < EXCLUDED.version""")
                .setParameter(1, stream)
                .setParameter(2, key)
                .setParameter(3, version)
                .executeUpdate();
        return changed == 1;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
