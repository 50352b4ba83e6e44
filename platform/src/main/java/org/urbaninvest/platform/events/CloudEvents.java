package org.urbaninvest.platform.events;

/**
 * CloudEvents 1.0 in Kafka binary mode: the attributes travel as {@code ce_*} headers, the value is the
 * JSON data. See SYSTEM.md §7.
 */
public final class CloudEvents {

    public static final String SPECVERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    /** Where the producer serves the JSON Schema of the event's data (its {@code EventSchemaResource}). */
    public static final String DATASCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";
    /**
     * The CloudEvents distributed-tracing extension in binary mode: the W3C trace context of the publish, also sent
     * as the plain W3C headers ({@link #W3C_TRACEPARENT}) that OpenTelemetry instrumentations read. Optional.
     */
    public static final String TRACEPARENT = "ce_traceparent";
    public static final String TRACESTATE = "ce_tracestate";
    public static final String W3C_TRACEPARENT = "traceparent";
    public static final String W3C_TRACESTATE = "tracestate";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";
    public static final String TYPE_PREFIX = "org.urbaninvest.";

    private CloudEvents() {
    }
}
