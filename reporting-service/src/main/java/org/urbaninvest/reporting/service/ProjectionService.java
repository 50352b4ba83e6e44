package org.urbaninvest.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.urbaninvest.platform.events.IncomingEvent;
import org.urbaninvest.platform.inbox.EventInbox;
import org.urbaninvest.platform.tracing.EventTracing;
import org.urbaninvest.reporting.events.DeadLetters;
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
    DeadLetters deadLetters;

    @Inject
    ObjectMapper json;

    @Inject
    EventTracing tracing;

    /**
     * Applies the records a live consumer polled, and returns once they are applied (committed) or
     * dead-lettered, so that their offsets may be committed. A record that cannot be parsed or applied goes to
     * the dead-letter topic alone; the others are applied. Each record is applied in a consumer span continuing its
     * trace, ended once the batch is done; the zones it changes carry that span's context to their summaries.
     */
    public void consume(Iterable<ConsumerRecord<String, String>> records) {
        Map<IncomingEvent, Span> spans = new IdentityHashMap<>();
        try {
            consume(records, spans);
        } catch (RuntimeException e) {
            spans.values().forEach(span -> EventTracing.failed(span, e));
            throw e;
        } finally {
            spans.values().forEach(Span::end);
        }
    }

    private void consume(Iterable<ConsumerRecord<String, String>> records, Map<IncomingEvent, Span> spans) {
        Map<IncomingEvent, ConsumerRecord<String, String>> events = new IdentityHashMap<>();
        List<IncomingEvent> batch = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Span span = tracing.startConsume(record);
            try {
                IncomingEvent event = IncomingEvent.parse(record, json).tracedBy(tracing.of(span));
                spans.put(event, span);
                events.put(event, record);
                batch.add(event);
            } catch (RuntimeException poison) {
                EventTracing.failed(span, poison);
                span.end();
                deadLetters.send(record, poison);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        List<Integer> open = inbox.whileDatabaseDown("listing the projection generations",
                () -> QuarkusTransaction.requiringNew().call(generations::open));
        Map<IncomingEvent, RuntimeException> failed = new IdentityHashMap<>();
        try {
            for (int generation : open) {
                for (EventInbox.Failure failure : applyTo(generation, batch)) {
                    failed.putIfAbsent(failure.event(), failure.error());
                }
            }
        } finally {
            reportCache.changed(); // the active generation changed: reports held here go (a rebuild's replay does not)
        }
        for (IncomingEvent event : batch) { // in the order they came
            if (failed.containsKey(event)) {
                EventTracing.failed(spans.get(event), failed.get(event));
                deadLetters.send(events.get(event), failed.get(event));
            }
        }
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
