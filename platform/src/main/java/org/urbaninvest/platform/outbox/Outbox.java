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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.urbaninvest.platform.events.CloudEvents;

/**
 * Where services record the events of a change. The row is part of the caller's transaction: the event
 * exists exactly when the change does. After the commit the relay is woken to publish it at once.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

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
        OutboxRecord record = new OutboxRecord();
        record.eventId = UUID.randomUUID();
        record.topic = topic;
        record.messageKey = key;
        record.type = type.startsWith(CloudEvents.TYPE_PREFIX) ? type : CloudEvents.TYPE_PREFIX + type;
        record.source = config.source().orElse("/" + applicationName);
        record.time = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            record.payload = json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event snapshot cannot be written as JSON", e);
        }
        entityManager.persist(record);
        wakeRelayAfterCommit();
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
                    relay.wake();
                }
            }
        });
    }
}
