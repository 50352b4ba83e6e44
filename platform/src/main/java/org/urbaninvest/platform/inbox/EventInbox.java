package org.urbaninvest.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.urbaninvest.platform.events.DeadLetters;
import org.urbaninvest.platform.events.IncomingEvent;
import org.urbaninvest.platform.problem.TransientFailures;
import org.urbaninvest.platform.tracing.EventTracing;

/**
 * The consumer side of every topic: an event is applied only if its version is newer than the one held for
 * its key, in the same transaction as its effect. Duplicates and stale redeliveries are therefore no-ops.
 *
 * <p>A record that is malformed, or whose effect fails on its own, goes to the dead-letter topic with the reason in
 * its headers ({@link DeadLetters}) and the next one is applied. A database outage is waited out instead: retrying
 * the same event later is right, sending it to the dead letters would lose it. What fails while the service stops
 * (the database gone, the persistence unit closed) is thrown: the channel's {@code failure-strategy=fail} stops it
 * without committing the record's offset, and the record is read again at the next start.
 *
 * <p>{@link #applyAll} does the same for a batch in one transaction (one commit for many events); an event
 * whose effect fails is isolated and reported, the others are applied.
 */
@ApplicationScoped
public class EventInbox {

    private static final BooleanSupplier ALWAYS = () -> true;

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    DeadLetters deadLetters;

    @Inject
    EventTracing tracing;

    private volatile boolean stopping;

    /** An outage of the database is waited out, however long: retrying the same event later is right. */
    private final Guard databaseOutage = Guard.create()
            .withDescription("event inbox: waiting out a database outage")
            .withRetry()
                .maxRetries(-1)
                .maxDuration(7, ChronoUnit.DAYS)
                .delay(100, ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .whenException(this::waitsOut)
                .withExponentialBackoff().factor(2).maxDelay(5, ChronoUnit.SECONDS).done()
                .done()
            .build();

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Parses the record and applies {@code effect} if the event is new for {@code stream}, in a consumer span that
     * continues the record's trace (current while the effect runs: what it writes to the outbox carries the trace on).
     *
     * @param stream names the sequence of versions being tracked, usually the topic; the same key in two
     *               streams is tracked separately
     * @return whether the effect was applied; false too when the record went to the dead letters
     * @throws RuntimeException when it fails while the service stops: the channel's {@code failure-strategy=fail}
     *                          then stops without committing the record's offset
     */
    public boolean apply(ConsumerRecord<String, String> record, String stream, Consumer<IncomingEvent> effect) {
        Span span = tracing.startConsume(record);
        try (Scope scope = span.makeCurrent()) {
            IncomingEvent event = IncomingEvent.parse(record, json).tracedBy(tracing.of(span));
            return apply(event, stream, effect);
        } catch (RuntimeException e) {
            EventTracing.failed(span, e);
            if (stopping || TransientFailures.isTransient(e)) {
                throw e;
            }
            deadLetters.send(record, e);
            return false;
        } finally {
            span.end();
        }
    }

    public boolean apply(IncomingEvent event, String stream, Consumer<IncomingEvent> effect) {
        return apply(event, stream, ALWAYS, effect);
    }

    /**
     * As {@link #apply(IncomingEvent, String, Consumer)}, with {@code target} run first in the transaction: it takes
     * whatever locks the effect needs on what it writes to, and answers false when that is gone (then nothing is
     * claimed). Taking those locks before the claim keeps one lock order: the target, then the claim rows.
     */
    public boolean apply(IncomingEvent event, String stream, BooleanSupplier target, Consumer<IncomingEvent> effect) {
        return whileDatabaseDown("applying " + event.type() + " " + event.key() + " v" + event.version(),
                () -> QuarkusTransaction.requiringNew().call(() -> {
                    if (!target.getAsBoolean() || !claim(stream, event.key(), event.version())) {
                        return false;
                    }
                    effect.accept(event);
                    return true;
                }));
    }

    /** What {@link #applyAll} did with a batch: the events applied, and those whose effect failed. */
    public record BatchResult(List<IncomingEvent> applied, List<Failure> failed) {
    }

    /** An event of a batch that could not be applied, and why (the caller dead-letters it). */
    public record Failure(IncomingEvent event, RuntimeException error) {
    }

    /**
     * Applies a batch of events of {@code stream} in one transaction: each event is claimed in order (so a
     * duplicate or an older version than one held, or than one earlier in the batch, is skipped), then
     * {@code effect} receives the new ones, in order, to apply them. A database outage is waited out. When
     * the transaction fails for any other reason, nothing of it stays and the events are applied again one
     * by one, each in its own transaction, so that only the events that fail on their own are reported.
     */
    public BatchResult applyAll(List<IncomingEvent> events, String stream, Consumer<List<IncomingEvent>> effect) {
        return applyAll(events, stream, ALWAYS, effect);
    }

    /**
     * As {@link #applyAll(List, String, Consumer)}, with {@code target} run first in each transaction, as in
     * {@link #apply(IncomingEvent, String, BooleanSupplier, Consumer)}: when it answers false nothing is claimed or
     * applied.
     */
    public BatchResult applyAll(List<IncomingEvent> events, String stream, BooleanSupplier target,
            Consumer<List<IncomingEvent>> effect) {
        if (events.isEmpty()) {
            return new BatchResult(List.of(), List.of());
        }
        try {
            List<IncomingEvent> applied = whileDatabaseDown("applying " + events.size() + " events of " + stream,
                    () -> QuarkusTransaction.requiringNew().call(() -> {
                        if (!target.getAsBoolean()) {
                            return List.<IncomingEvent>of();
                        }
                        List<IncomingEvent> fresh = claimAll(stream, events);
                        if (!fresh.isEmpty()) {
                            effect.accept(fresh);
                        }
                        return fresh;
                    }));
            return new BatchResult(applied, List.of());
        } catch (RuntimeException batchFailure) {
            if (stopping || TransientFailures.isTransient(batchFailure)) {
                throw batchFailure;
            }
            LOG.debugf("a batch of %d events of %s failed (%s); applying them one by one", events.size(), stream,
                    batchFailure.getMessage());
            List<IncomingEvent> applied = new ArrayList<>();
            List<Failure> failed = new ArrayList<>();
            for (IncomingEvent event : events) {
                try {
                    if (apply(event, stream, target, e -> effect.accept(List.of(e)))) {
                        applied.add(event);
                    }
                } catch (RuntimeException e) {
                    if (stopping || TransientFailures.isTransient(e)) {
                        throw e;
                    }
                    failed.add(new Failure(event, e));
                }
            }
            return new BatchResult(applied, failed);
        }
    }

    /**
     * Runs {@code work} (its own transaction), again and again while the database is unavailable, with a
     * growing pause (100 ms, doubling, at most 5 s: the {@link #databaseOutage} policy); any other failure, or one
     * while the application stops, is thrown.
     */
    @SuppressWarnings("unchecked")
    public <T> T whileDatabaseDown(String what, Supplier<T> work) {
        Supplier<Object> attempt = () -> {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (waitsOut(e)) {
                    LOG.warnf("database unavailable for %s (%s); trying again shortly", what, e.getMessage());
                }
                throw e;
            }
        };
        return (T) databaseOutage.get(attempt, Object.class);
    }

    private boolean waitsOut(Throwable failure) {
        return !stopping && TransientFailures.isTransient(failure);
    }

    /**
     * Claims each event of a batch as {@link #claim} does, in the caller's transaction, in one round trip; returns
     * the events that are new, in their order. The rows are written in key order (an event's versions keep
     * their order), so that two batches claiming the same keys cannot deadlock.
     */
    public List<IncomingEvent> claimAll(String stream, List<IncomingEvent> events) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> events.get(i).key())); // stable: a key's events keep their order
        int[] changed = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            // INSERT ... SELECT, not VALUES: the driver runs each statement of the batch as it is (no rewriting
            // into one multi-row insert), so that each one reports whether it claimed its event
            try (PreparedStatement claim = connection.prepareStatement("""
                    INSERT INTO consumed_version (stream, aggregate_key, version) SELECT ?, ?, ?
                    ON CONFLICT (stream, aggregate_key) DO UPDATE SET version = EXCLUDED.version
                    WHERE consumed_version.version < EXCLUDED.version""")) {
                for (int i : order) {
                    claim.setString(1, stream);
                    claim.setString(2, events.get(i).key());
                    claim.setLong(3, events.get(i).version());
                    claim.addBatch();
                }
                return claim.executeBatch();
            }
        });
        boolean[] fresh = new boolean[events.size()];
        for (int n = 0; n < order.size(); n++) {
            fresh[order.get(n)] = changed[n] == 1;
        }
        List<IncomingEvent> result = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (fresh[i]) {
                result.add(events.get(i));
            }
        }
        return result;
    }

    /**
     * Records {@code version} as the newest seen for the key if it is newer than the one held; in the caller's
     * transaction. One statement, so two consumers racing on the same key cannot both win.
     */
    public boolean claim(String stream, String key, long version) {
        int changed = entityManager.createNativeQuery("""
                INSERT INTO consumed_version (stream, aggregate_key, version) VALUES (?1, ?2, ?3)
                ON CONFLICT (stream, aggregate_key) DO UPDATE SET version = EXCLUDED.version
                WHERE consumed_version.version < EXCLUDED.version""")
                .setParameter(1, stream)
                .setParameter(2, key)
                .setParameter(3, version)
                .executeUpdate();
        return changed == 1;
    }
}
