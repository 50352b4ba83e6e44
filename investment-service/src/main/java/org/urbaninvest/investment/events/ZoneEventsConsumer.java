package org.urbaninvest.investment.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.urbaninvest.investment.repository.ReplicaRepository;
import org.urbaninvest.platform.inbox.EventInbox;

/** Keeps the zone hierarchy (code → parent) from {@code zones.v1}, for listing agreements with sub-zones. */
@ApplicationScoped
public class ZoneEventsConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    ReplicaRepository replicas;

    @Incoming("zones-in")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.apply(record, "zones.v1",
                event -> replicas.storeZone(event.key(), event.optionalText("parentCode"), event.version()));
    }
}
