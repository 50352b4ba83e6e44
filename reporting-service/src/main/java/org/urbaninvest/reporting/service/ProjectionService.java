package org.urbaninvest.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.urbaninvest.platform.events.IncomingEvent;
import org.urbaninvest.platform.inbox.EventInbox;
import org.urbaninvest.reporting.repository.Generations;

/**
 * Routes each incoming event to every open generation of the projections: the active one, and the one a
 * rebuild is filling. Each generation has its own version stream, so an event reaching a generation both
 * from here and from the rebuild's replay is applied to it once.
 */
@ApplicationScoped
public class ProjectionService {

    @Inject
    EventInbox inbox;

    @Inject
    Projector projector;

    @Inject
    Generations generations;

    @Inject
    ObjectMapper json;

    /** Applies a record from a live consumer; a malformed one throws (and goes to the dead-letter topic). */
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.parse(record, json);
        for (int generation : QuarkusTransaction.requiringNew().call(generations::open)) {
            applyTo(generation, event);
        }
    }

    /** Applies an event to one generation, once (by version) and in one transaction. */
    public boolean applyTo(int generation, IncomingEvent event) {
        return inbox.apply(event, Topics.stream(event.topic(), generation), e -> projector.apply(generation, e));
    }
}
