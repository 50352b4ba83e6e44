package org.urbaninvest.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.urbaninvest.platform.tracing.TraceContext;

/**
 * One event as a consumer sees it: the envelope, the Kafka key, and the snapshot with its version.
 *
 * @param data the full snapshot of the aggregate after the change
 * @param trace the context of the span applying the event (its consumer span), which what the application writes
 *              later carries on; {@link TraceContext#NONE} until a consumer sets it ({@link #tracedBy})
 */
public record IncomingEvent(EventEnvelope envelope, String key, long version, JsonNode data,
        String topic, int partition, long offset, TraceContext trace) {

    public String type() {
        return envelope.type();
    }

    /** Parses a record; anything malformed (headers, JSON, a missing key or version) is poison. */
    public static IncomingEvent parse(ConsumerRecord<String, String> record, ObjectMapper json) {
        EventEnvelope envelope = EventEnvelope.fromHeaders(record.headers());
        if (record.key() == null || record.key().isBlank()) {
            throw new PoisonEventException("record has no key");
        }
        if (record.value() == null) {
            throw new PoisonEventException("record has no value");
        }
        JsonNode data;
        try {
            data = json.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("value is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (data == null || !data.isObject()) {
            throw new PoisonEventException("value is not a JSON object");
        }
        JsonNode version = data.get("version");
        if (version == null || !version.canConvertToLong() || version.asLong() < 1) {
            throw new PoisonEventException("snapshot has no positive version");
        }
        return new IncomingEvent(envelope, record.key(), version.asLong(), data, record.topic(),
                record.partition(), record.offset(), TraceContext.NONE);
    }

    /** The same event, applied within the span whose context is {@code trace}. */
    public IncomingEvent tracedBy(TraceContext trace) {
        return new IncomingEvent(envelope, key, version, data, topic, partition, offset, trace);
    }

    /** A required text field of the snapshot. */
    public String text(String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isTextual()) {
            throw new PoisonEventException(type() + " snapshot has no text field '" + field + "'");
        }
        return node.asText();
    }

    /** An optional text field of the snapshot, {@code null} when absent or null. */
    public String optionalText(String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
