package org.urbaninvest.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents attributes of one event, to and from Kafka headers. {@code dataschema} is optional (null when
 * absent): the suite's producers always set it, a consumer does not need it.
 */
public record EventEnvelope(UUID id, String source, String type, String subject, Instant time, String dataschema) {

    public Headers toHeaders() {
        RecordHeaders headers = new RecordHeaders();
        put(headers, CloudEvents.SPECVERSION, CloudEvents.SPEC_VERSION_1_0);
        put(headers, CloudEvents.ID, id.toString());
        put(headers, CloudEvents.SOURCE, source);
        put(headers, CloudEvents.TYPE, type);
        put(headers, CloudEvents.SUBJECT, subject);
        put(headers, CloudEvents.TIME, time.toString());
        if (dataschema != null) {
            put(headers, CloudEvents.DATASCHEMA, dataschema);
        }
        put(headers, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        return headers;
    }

    /** Reads the attributes; a missing or malformed one makes the message unprocessable. */
    public static EventEnvelope fromHeaders(Headers headers) {
        String specversion = get(headers, CloudEvents.SPECVERSION);
        if (!CloudEvents.SPEC_VERSION_1_0.equals(specversion)) {
            throw new PoisonEventException("ce_specversion must be 1.0, was " + specversion);
        }
        try {
            return new EventEnvelope(UUID.fromString(require(headers, CloudEvents.ID)),
                    require(headers, CloudEvents.SOURCE), require(headers, CloudEvents.TYPE),
                    require(headers, CloudEvents.SUBJECT), Instant.parse(require(headers, CloudEvents.TIME)),
                    get(headers, CloudEvents.DATASCHEMA));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new PoisonEventException("malformed CloudEvents header: " + e.getMessage());
        }
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String require(Headers headers, String name) {
        String value = get(headers, name);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("missing header " + name);
        }
        return value;
    }

    private static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
