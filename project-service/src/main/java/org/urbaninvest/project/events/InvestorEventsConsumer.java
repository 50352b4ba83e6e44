package org.urbaninvest.project.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.urbaninvest.platform.events.PoisonEventException;
import org.urbaninvest.platform.inbox.EventInbox;
import org.urbaninvest.project.repository.FundingReplicaRepository;

/** Keeps investors' names from {@code investors.v1}, for the funders of the OC4IDS export. */
@ApplicationScoped
public class InvestorEventsConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    FundingReplicaRepository replicas;

    @Incoming("investors-in")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.apply(record, "investors.v1", event -> {
            UUID id;
            try {
                id = UUID.fromString(event.key());
            } catch (IllegalArgumentException e) {
                throw new PoisonEventException("investor key is not a UUID: " + event.key(), e);
            }
            replicas.storeInvestor(id, event.text("name"), event.version());
        });
    }
}
