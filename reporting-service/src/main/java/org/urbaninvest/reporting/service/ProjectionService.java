package org.urbaninvest.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.urbaninvest.platform.events.IncomingEvent;
import org.urbaninvest.platform.inbox.EventBatches;
import org.urbaninvest.platform.inbox.EventInbox;
import org.urbaninvest.reporting.repository.Generations;
import org.urbaninvest.reporting.repository.ReportCache;
import org.urbaninvest.reporting.events.Topics;

/**
 * Routes incoming events to every open generation of the projections: the active one, and the one a rebuild
 * is filling. Each generation has its own version stream, so an event reaching a generation both from here and
 * from the rebuild's replay is applied to it once. Events come in batches: a batch is applied to a generation
 * in one transaction.
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
    ReportCache reportCache;

    @Inject
    EventBatches batches;

    /**
     * Applies the records a live consumer polled to every open generation, and returns once they are applied
     * (committed) or dead-lettered, so that their offsets may be committed ({@link EventBatches}: a record that
     * cannot be parsed or applied goes to the dead-letter topic alone; the others are applied).
     */
    public void consume(Iterable<ConsumerRecord<String, String>> records) {
        batches.consume(records, batch -> {
            List<Integer> open = inbox.whileDatabaseDown("listing the projection generations",
                    () -> QuarkusTransaction.requiringNew().call(generations::open));
            List<EventInbox.Failure> failed = new ArrayList<>();
            try {
                for (int generation : open) {
                    failed.addAll(applyTo(generation, batch));
                }
            } finally {
                reportCache.changed(); // the active generation changed: reports held here go (a rebuild's replay does not)
            }
            return failed;
        });
    }

    /**
     * Applies events to one generation, each once (by version): one transaction per topic of the batch.
     * Returns the events that could not be applied.
     */
    public List<EventInbox.Failure> applyTo(int generation, List<IncomingEvent> events) {
        Map<String, List<IncomingEvent>> byTopic = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            byTopic.computeIfAbsent(event.topic(), topic -> new ArrayList<>()).add(event);
        }
        List<EventInbox.Failure> failed = new ArrayList<>();
        // the generation is held (against a switch-over) before the events are claimed in its version stream: a
        // switch-over locks the generations, then deletes the dropped one's claims, so this is the same order
        byTopic.forEach((topic, list) -> failed.addAll(inbox.applyAll(list, Topics.stream(topic, generation),
                () -> projector.hold(generation), fresh -> projector.apply(generation, fresh)).failed()));
        return failed;
    }
}
