package org.urbaninvest.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.urbaninvest.platform.events.DeadLetters;
import org.urbaninvest.platform.events.IncomingEvent;
import org.urbaninvest.platform.tracing.EventTracing;

/**
 * The consumer side of a channel that receives what one poll returned ({@code batch=true}): the records are applied
 * as one batch (one transaction, one commit for many events: {@link EventInbox#applyAll}) rather than one
 * transaction each.
 *
 * <p>Each record is parsed in a consumer span continuing its trace; one that cannot be parsed goes to the
 * dead-letter topic alone ({@link DeadLetters}). The others are applied together; those the batch reports as failed
 * go to the dead-letter topic too, in the order they came, and the others stay applied. The method returns once
 * every record is applied (committed) or dead-lettered, so that the batch's offsets may be committed; what fails the
 * whole batch (the service stopping while the database or the broker is away) is thrown, the channel's
 * {@code failure-strategy=fail} stops it without committing, and the batch is read again at the next start.
 */
@ApplicationScoped
public class EventBatches {

    @Inject
    ObjectMapper json;

    @Inject
    EventTracing tracing;

    @Inject
    DeadLetters deadLetters;

    /**
     * @param apply applies the parsed events, in their order, and returns those that could not be applied
     */
    public void consume(Iterable<ConsumerRecord<String, String>> records,
            Function<List<IncomingEvent>, List<EventInbox.Failure>> apply) {
        Map<IncomingEvent, Span> spans = new IdentityHashMap<>();
        try {
            consume(records, apply, spans);
        } catch (RuntimeException e) {
            spans.values().forEach(span -> EventTracing.failed(span, e));
            throw e;
        } finally {
            spans.values().forEach(Span::end);
        }
    }

    private void consume(Iterable<ConsumerRecord<String, String>> records,
            Function<List<IncomingEvent>, List<EventInbox.Failure>> apply, Map<IncomingEvent, Span> spans) {
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
        Map<IncomingEvent, RuntimeException> failed = new IdentityHashMap<>();
        for (EventInbox.Failure failure : apply.apply(batch)) {
            failed.putIfAbsent(failure.event(), failure.error());
        }
        for (IncomingEvent event : batch) { // in the order they came
            if (failed.containsKey(event)) {
                EventTracing.failed(spans.get(event), failed.get(event));
                deadLetters.send(events.get(event), failed.get(event));
            }
        }
    }
}
