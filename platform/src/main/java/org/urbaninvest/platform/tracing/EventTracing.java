package org.urbaninvest.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.urbaninvest.platform.events.CloudEvents;

/**
 * One trace per write across the services: the span that writes an event (a REST request, the application of an
 * event) is stored with its outbox row ({@link #current}), the relay publishes the row in a {@code PRODUCER} span
 * child of that context and sends the publish's context as headers ({@link #startPublish}, {@link #inject}), and
 * a consumer applies the record in a {@code CONSUMER} span child of those headers ({@link #startConsume}).
 *
 * <p>The trace context is read and written by the application's OpenTelemetry propagator (W3C trace context). When
 * the OpenTelemetry SDK is disabled ({@code quarkus.otel.sdk.disabled}, the default unless an OTLP collector is
 * configured) nothing is recorded, nothing is stored and no trace header is sent: the disabled SDK would still hand
 * out span ids that lead nowhere.
 */
@ApplicationScoped
public class EventTracing {

    private static final String SCOPE = "org.urbaninvest.platform";

    /** Reads a record's trace context: the W3C headers, else the CloudEvents distributed-tracing extension. */
    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            if (headers == null) {
                return null;
            }
            Header header = headers.lastHeader(key);
            if (header == null && CLOUDEVENTS.containsKey(key)) {
                header = headers.lastHeader(CLOUDEVENTS.get(key));
            }
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    /** The CloudEvents extension header carrying each W3C trace header too. */
    private static final Map<String, String> CLOUDEVENTS = Map.of(
            CloudEvents.W3C_TRACEPARENT, CloudEvents.TRACEPARENT,
            CloudEvents.W3C_TRACESTATE, CloudEvents.TRACESTATE);

    private static final TextMapGetter<TraceContext> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceContext trace) {
            return List.of(CloudEvents.W3C_TRACEPARENT, CloudEvents.W3C_TRACESTATE);
        }

        @Override
        public String get(TraceContext trace, String key) {
            if (trace == null) {
                return null;
            }
            return switch (key) {
                case CloudEvents.W3C_TRACEPARENT -> trace.traceparent();
                case CloudEvents.W3C_TRACESTATE -> trace.tracestate();
                default -> null;
            };
        }
    };

    @Inject
    OpenTelemetry openTelemetry;

    @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false")
    boolean sdkDisabled;

    private Tracer tracer;
    private TextMapPropagator propagator;

    @PostConstruct
    void init() {
        OpenTelemetry used = sdkDisabled ? OpenTelemetry.noop() : openTelemetry;
        tracer = used.getTracer(SCOPE);
        propagator = sdkDisabled ? TextMapPropagator.noop() : used.getPropagators().getTextMapPropagator();
    }

    /** The context of the current span, as an outbox row stores it; {@link TraceContext#NONE} when there is none. */
    public TraceContext current() {
        return of(Context.current());
    }

    /** The context of {@code span}, as a consumer hands it on to what it writes later. */
    public TraceContext of(Span span) {
        return of(Context.root().with(span));
    }

    private TraceContext of(Context context) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, (map, key, value) -> map.put(key, value));
        String traceparent = carrier.get(CloudEvents.W3C_TRACEPARENT);
        return traceparent == null ? TraceContext.NONE
                : new TraceContext(traceparent, carrier.get(CloudEvents.W3C_TRACESTATE));
    }

    private Context parent(TraceContext stored) {
        return stored == null || !stored.isPresent() ? Context.root()
                : propagator.extract(Context.root(), stored, STORED);
    }

    /**
     * Runs {@code work} in an internal span named {@code name}, child of {@code parent}, current while it runs: what
     * the work writes to the outbox carries on {@code parent}'s trace.
     */
    public <T> T within(TraceContext parent, String name, Supplier<T> work) {
        Span span = tracer.spanBuilder(name).setParent(parent(parent)).startSpan();
        try (Scope scope = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * The relay's publish of one outbox row: a {@code PRODUCER} span, child of the context stored with the row (a
     * new trace when there is none). The caller sends its context ({@link #inject}) and ends it once the broker
     * acknowledged the record.
     */
    public Span startPublish(TraceContext stored, String topic, String key, UUID eventId, String type) {
        return tracer.spanBuilder(topic + " publish")
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(parent(stored))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.kafka.message.key", key)
                .setAttribute("messaging.message.id", eventId.toString())
                .setAttribute("cloudevents.event_id", eventId.toString())
                .setAttribute("cloudevents.event_type", type)
                .startSpan();
    }

    /**
     * Adds {@code span}'s context to a record's headers: the W3C {@code traceparent}/{@code tracestate} and the
     * same values as the CloudEvents distributed-tracing extension ({@code ce_traceparent}/{@code ce_tracestate}).
     */
    public void inject(Span span, Headers headers) {
        propagator.inject(Context.root().with(span), headers, (carrier, key, value) -> {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            carrier.remove(key);
            carrier.add(key, bytes);
            String extension = CLOUDEVENTS.get(key);
            if (extension != null) {
                carrier.remove(extension);
                carrier.add(extension, bytes);
            }
        });
    }

    /**
     * The application of one consumed record: a {@code CONSUMER} span, child of the trace context in the record's
     * headers ({@code traceparent}, else {@code ce_traceparent}); the caller ends it once the record is applied.
     */
    public Span startConsume(ConsumerRecord<?, ?> record) {
        Context parent = propagator.extract(Context.root(), record.headers(), HEADERS);
        return tracer.spanBuilder(record.topic() + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(parent)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
    }

    /** Marks {@code span} failed with {@code error}. */
    public static void failed(Span span, Throwable error) {
        span.recordException(error);
        span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
    }
}
