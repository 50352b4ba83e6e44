package org.urbaninvest.investment.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.urbaninvest.investment.domain.ProjectRef;
import org.urbaninvest.investment.repository.ReplicaRepository;
import org.urbaninvest.platform.inbox.EventInbox;

/** Keeps the project replica (code → zone, status) from {@code projects.v1}. */
@ApplicationScoped
public class ProjectEventsConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    ReplicaRepository replicas;

    @Incoming("projects-in")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.apply(record, "projects.v1", event -> replicas.storeProject(
                new ProjectRef(event.key(), event.text("zoneCode"), event.text("status"), event.version())));
    }
}
