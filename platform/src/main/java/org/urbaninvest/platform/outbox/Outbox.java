package org.urbaninvest.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.urbaninvest.platform.events.CloudEvents;
import org.urbaninvest.platform.time.Clock;
import org.urbaninvest.platform.tracing.EventTracing;
import org.urbaninvest.platform.tracing.TraceContext;

/**
 * Where services record the events of a change. The row is part of the caller's transaction: the event
 * exists exactly when the change does. After the commit the relay is woken to publish it at once. The row keeps
 * the trace context of the current span (the request or the event application that wrote it), which the relay
 * continues when it publishes the event.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();
    private static final int BATCH_SIZE = 500;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxConfig config;

    @Inject
    Clock clock;

    @Inject
    EventTracing tracing;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    /**
     * Records an event.
     *
     * @param topic the Kafka topic, e.g. {@code projects.v1}
     * @param key the aggregate's code or id: the Kafka key and the CloudEvents subject
     * @param type the event type without its prefix, e.g. {@code project.registered}
     * @param snapshot the full state of the aggregate after the change, with its version
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, String key, String type, Object snapshot) {
        publishAll(topic, List.of(new Event(key, type, snapshot)));
    }

    /** One event of {@link #publishAll}: the aggregate's key, the type without prefix, the full snapshot. */
    public record Event(String key, String type, Object snapshot) {
    }

    /**
     * Records events of one topic, in list order, with batched inserts: the one way a row gets into the outbox,
     * for a single change and for bulk changes such as imports alike. Same meaning as {@link #publish}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(String topic, List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        String source = config.source().orElse("/" + applicationName);
        Timestamp time = Timestamp.from(clock.now());
        TraceContext trace = tracing.current();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox"
                    + " (event_id, topic, message_key, ce_type, ce_source, ce_time, payload, traceparent, tracestate)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (Event event : events) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, topic);
                    insert.setString(3, event.key());
                    insert.setString(4, event.type().startsWith(CloudEvents.TYPE_PREFIX) ? event.type()
                            : CloudEvents.TYPE_PREFIX + event.type());
                    insert.setString(5, source);
                    insert.setTimestamp(6, time);
                    insert.setString(7, toJson(event.snapshot()));
                    insert.setString(8, trace.traceparent());
                    insert.setString(9, trace.tracestate());
                    insert.addBatch();
                    if (++pending == BATCH_SIZE) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
        wakeRelayAfterCommit();
    }

    private String toJson(Object snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event snapshot cannot be written as JSON", e);
        }
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.written();
                }
            }
        });
    }
}
