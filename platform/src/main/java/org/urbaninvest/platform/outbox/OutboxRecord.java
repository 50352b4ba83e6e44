package org.urbaninvest.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The outbox table as Hibernate sees it: an event waiting to be published, written in the same transaction as the
 * change it describes. The id is assigned by the database at insert, so an aggregate's events are relayed in the
 * order of its versions. {@link Outbox} writes rows with batched JDBC inserts; the mapping stays because it is the
 * entity that keeps Hibernate ORM, and the EntityManager the outbox and inbox use, in a service that has no
 * entity of its own (reporting-service).
 */
@Entity
@Table(name = "outbox")
public class OutboxRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String messageKey;

    @Column(name = "ce_type", nullable = false)
    public String type;

    @Column(name = "ce_source", nullable = false)
    public String source;

    @Column(name = "ce_time", nullable = false)
    public Instant time;

    @Column(nullable = false)
    public String payload;

    /** The W3C trace context of the span that wrote the event; null without tracing. */
    public String traceparent;

    public String tracestate;

    @Column(name = "published_at")
    public Instant publishedAt;
}
