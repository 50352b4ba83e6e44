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

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";
    public static final String TYPE_PREFIX = "org.urbaninvest.";

    private CloudEvents() {
    }
}
