package org.urbaninvest.project.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.urbaninvest.platform.events.IncomingEvent;
import org.urbaninvest.platform.events.PoisonEventException;
import org.urbaninvest.platform.inbox.EventBatches;
import org.urbaninvest.platform.inbox.EventInbox;
import org.urbaninvest.project.repository.FundingReplicaRepository;

/**
 * Keeps the agreement replica (project, investor, stage, signed amount, disbursements) from {@code agreements.v1},
 * a polled batch at a time in one transaction; a record that cannot be applied goes to the dead letters alone.
 */
@ApplicationScoped
public class AgreementEventsConsumer {

    private static final String STREAM = "agreements.v1";

    @Inject
    EventInbox inbox;

    @Inject
    EventBatches batches;

    @Inject
    FundingReplicaRepository replicas;

    @Incoming("agreements-in")
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        batches.consume(records, batch -> inbox.applyAll(batch, STREAM, this::storeAll).failed());
    }

    private void storeAll(List<IncomingEvent> events) {
        events.forEach(this::store);
    }

    private void store(IncomingEvent event) {
        JsonNode signed = event.data().path("signedAmount");
        JsonNode disbursements = event.data().path("disbursements");
        if (!disbursements.isArray()) {
            throw new PoisonEventException(event.type() + " snapshot has no disbursements list");
        }
        try {
            replicas.storeAgreement(UUID.fromString(event.key()), event.text("projectCode"),
                    UUID.fromString(event.text("investorId")), event.text("stage"),
                    signed.isObject() ? new BigDecimal(signed.path("amount").asText()) : null,
                    signed.isObject() ? signed.path("currency").asText() : null, disbursements.toString(),
                    Instant.parse(event.text("updatedAt")), event.version());
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new PoisonEventException(event.type() + " snapshot is malformed: " + e.getMessage(), e);
        }
    }
}
