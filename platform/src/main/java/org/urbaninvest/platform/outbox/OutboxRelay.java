package org.urbaninvest.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.urbaninvest.platform.events.CloudEvents;
import org.urbaninvest.platform.events.EventEnvelope;
import org.urbaninvest.platform.jdbc.NotificationChannel;
import org.urbaninvest.platform.kafka.KafkaClientSettings;
import org.urbaninvest.platform.tracing.EventTracing;
import org.urbaninvest.platform.tracing.TraceContext;

/**
 * Publishes the outbox to Kafka: oldest first, a batch at a time, and marks rows sent only once the broker
 * has acknowledged them ({@code acks=all}, idempotent producer). A crash between send and mark sends the
 * batch again, which consumers absorb by version; nothing is ever lost.
 *
 * <p>One instance of a service relays at a time, which keeps each aggregate's events in order when the service
 * runs several instances: the leader holds a session-level PostgreSQL advisory lock on a connection of its own,
 * and publishes through that connection. The others try to take the lock every poll interval; when the leader
 * dies its connection closes, the database releases the lock, and the next attempt of another instance takes
 * over where the outbox stands (rows it had sent but not marked go again).
 *
 * <p>An event is published at once wherever it was written: a commit that wrote events wakes this instance's relay
 * ({@link #written}); when another instance relays, this one announces it on the {@code outbox} channel, at most
 * once per wake however many commits it gathers, and every instance listens there. The announcement is never
 * part of the business transaction: PostgreSQL serialises notifying commits on one lock held through their WAL
 * flush, which would queue every write behind the others. The poll interval is only a safety net.
 *
 * <p>Each record is sent in a {@code PRODUCER} span, child of the trace context stored with its row, which the
 * record carries as its {@code traceparent}/{@code ce_traceparent} headers (see {@link EventTracing}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant works: each service has its own database. */
    private static final long ADVISORY_LOCK_KEY = 0x0B0C5EEDL;
    /** Where an instance that does not relay announces events written through it (see {@link #written}). */
    static final String NOTIFICATION_CHANNEL = "outbox";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    KafkaClientSettings kafka;

    @Inject
    OutboxHousekeeping housekeeping;

    @Inject
    EventTracing tracing;

    @ConfigProperty(name = "urbaninvest.instance")
    String instance;

    private final Semaphore wakeups = new Semaphore(0);
    /** Events were committed here while another instance relays: the relay thread announces them. */
    private final AtomicBoolean unannounced = new AtomicBoolean();
    private NotificationChannel announcements;
    private volatile boolean running;
    private volatile Thread thread;
    private Producer<String, String> producer;
    /** The connection holding the relay lock while this instance relays; only the relay thread touches it. */
    private Connection leader;
    private volatile Instant leaderSince;

    void start(@Observes StartupEvent event) {
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
        if (!config.relayEnabled()) {
            LOG.info("outbox relay thread disabled; events are published only when drain() is called");
            return;
        }
        LOG.infof("%s: outbox relay started (one instance of the service relays at a time)", instance);
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
        announcements = NotificationChannel.listen(dataSource, NOTIFICATION_CHANNEL, this::wake);
    }

    void stop(@Observes ShutdownEvent event) {
        if (announcements != null) {
            announcements.stop();
        }
        if (thread != null) {
            running = false;
            wake();
            try {
                thread.join(config.shutdownFlush().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    /**
     * Events were committed through this instance: publishes them now, or has the relaying instance do so. Cheap
     * and safe to call from any thread.
     */
    public void written() {
        if (leaderSince == null) {
            unannounced.set(true);
        }
        wake();
    }

    /** Asks the relay to look at the outbox now. Cheap and safe to call from any thread. */
    public void wake() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    /** Since when this instance relays the outbox (holds the relay lock); {@code null} while another one does. */
    public Instant leaderSince() {
        return leaderSince;
    }

    /** This instance's name (the launcher's URBANINVEST_INSTANCE, else the host name). */
    public String instance() {
        return instance;
    }

    public OutboxHousekeeping.OutboxStats stats() {
        return housekeeping.stats();
    }

    /** Publishes everything pending now, on the caller's thread; returns how many events were sent. */
    public int drain() {
        int total = 0;
        int sent;
        do {
            sent = relayBatch();
            total += sent;
        } while (sent >= config.batchSize());
        return total;
    }

    private void run() {
        long failures = 0;
        while (running) {
            try {
                long wait = failures == 0 ? config.pollInterval().toMillis() : backoffMillis(failures);
                if (leader == null) {
                    awaitTurn(wait);
                    if (!lead()) {
                        continue; // another instance relays
                    }
                } else {
                    awaitWork(wait);
                }
                drainAsLeader();
                failures = 0;
                housekeeping.tick(() -> running);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                resign();
                return;
            } catch (SQLException e) {
                failures++;
                resign(); // the lock may be gone with the connection: take it again once the database answers
                unannounced.set(true); // events this instance was woken for may wait for the instance relaying now
                logFailure(failures, "outbox table unavailable: " + e.getMessage());
            } catch (RuntimeException e) {
                failures++;
                logFailure(failures, e.getMessage());
            }
        }
        try {
            if (leader != null) {
                drainAsLeader(); // last flush on shutdown
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("outbox not fully flushed at shutdown; it is sent on the next start: %s", e.getMessage());
        } finally {
            resign();
        }
    }

    private static void logFailure(long failures, String message) {
        if (failures == 1 || failures % 30 == 0) {
            LOG.warnf("outbox relay cannot publish yet (attempt %d): %s", failures, message);
        }
    }

    /** The relaying instance waits for an event written through any instance (a wake), at most {@code millis}. */
    private void awaitWork(long millis) throws InterruptedException {
        wakeups.tryAcquire(millis, TimeUnit.MILLISECONDS);
        wakeups.drainPermits(); // the batch read next sees every commit that woke the relay until now
    }

    /**
     * An instance that does not relay waits out {@code millis} before its next attempt at the lock, unless it is
     * stopping; meanwhile it announces the events committed through it to the relaying instance.
     */
    private void awaitTurn(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long left = millis;
        while (running && left > 0) {
            if (unannounced.getAndSet(false)) {
                announce();
            }
            if (wakeups.tryAcquire(left, TimeUnit.MILLISECONDS)) {
                wakeups.drainPermits();
            }
            left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        }
    }

    private void announce() {
        try {
            NotificationChannel.announce(dataSource, NOTIFICATION_CHANNEL);
        } catch (SQLException e) {
            LOG.debugf("events written here are published at the relaying instance's next poll: %s", e.getMessage());
        }
    }

    /** Tries to become the instance that relays: takes the session lock on a connection kept for it. */
    private boolean lead() throws SQLException {
        Connection connection = dataSource.getConnection();
        boolean locked = false;
        try {
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, ADVISORY_LOCK_KEY);
                try (ResultSet rs = lock.executeQuery()) {
                    locked = rs.next() && rs.getBoolean(1);
                }
            }
        } finally {
            if (!locked) {
                connection.close();
            }
        }
        if (!locked) {
            return false;
        }
        leader = connection;
        leaderSince = Instant.now();
        LOG.infof("%s relays the outbox now (it holds the relay lock)", instance);
        return true;
    }

    /** Gives the lock up (if the connection still holds it) and the connection back. */
    private void resign() {
        Connection connection = leader;
        if (connection == null) {
            return;
        }
        leader = null;
        leaderSince = null;
        try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock_all()")) {
            connection.setAutoCommit(true);
            unlock.execute();
        } catch (SQLException e) {
            LOG.debugf("relay lock released with its connection: %s", e.getMessage());
        }
        LOG.infof("%s no longer relays the outbox", instance);
    }

    private void drainAsLeader() throws SQLException {
        int sent;
        do {
            leader.setAutoCommit(false);
            try {
                sent = relayBatch(leader);
                leader.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(leader);
                throw e;
            } finally {
                leader.setAutoCommit(true);
            }
        } while (sent >= config.batchSize() && running);
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debugf("rollback of the relay batch failed: %s", e.getMessage());
        }
    }

    private long backoffMillis(long failures) {
        return Math.min(config.pollInterval().toMillis(), 100L << Math.min(failures, 10));
    }

    private int relayBatch() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int sent = relayBatch(connection);
                connection.commit();
                return sent;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox table unavailable: " + e.getMessage(), e);
        }
    }

    /** Sends one batch and marks it in {@code connection}'s transaction, which the caller commits. */
    int relayBatch(Connection connection) throws SQLException {
        try (PreparedStatement relaxed = connection.prepareStatement("SET LOCAL synchronous_commit = off")) {
            // marking rows sent need not wait for the disk: a mark lost in a database crash only sends those
            // events again, which consumers absorb by version; one WAL flush less per batch keeps the lag short
            relaxed.execute();
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, ADVISORY_LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return 0; // another instance is relaying
                }
            }
        }
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        try {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, event_id, topic, message_key, ce_type, ce_source, ce_time, payload, traceparent,"
                            + " tracestate FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT ?")) {
                select.setInt(1, config.batchSize());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String topic = rs.getString("topic");
                        String key = rs.getString("message_key");
                        String type = rs.getString("ce_type");
                        UUID eventId = rs.getObject("event_id", UUID.class);
                        EventEnvelope envelope = new EventEnvelope(eventId, rs.getString("ce_source"), type, key,
                                rs.getTimestamp("ce_time").toInstant(), dataschema(type));
                        Span span = tracing.startPublish(
                                new TraceContext(rs.getString("traceparent"), rs.getString("tracestate")),
                                topic, key, eventId, type);
                        spans.add(span);
                        Headers headers = envelope.toHeaders();
                        tracing.inject(span, headers);
                        acks.add(producer.send(
                                new ProducerRecord<>(topic, null, key, rs.getString("payload"), headers)));
                        ids.add(rs.getLong("id"));
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            producer.flush();
            long deadline = System.nanoTime() + config.sendTimeout().toNanos();
            for (Future<RecordMetadata> ack : acks) {
                try {
                    ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Kafka", e);
                } catch (Exception e) {
                    throw new IllegalStateException("Kafka did not acknowledge the batch: " + e.getMessage(), e);
                }
            }
        } catch (SQLException | RuntimeException e) {
            spans.forEach(span -> EventTracing.failed(span, e));
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
        try (PreparedStatement mark = connection.prepareStatement(
                "UPDATE outbox SET published_at = now() WHERE id = ANY (?)")) {
            mark.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            mark.executeUpdate();
        }
        return ids.size();
    }

    /** The URL of the event type's schema, as the service's {@code EventSchemaResource} serves it. */
    String dataschema(String type) {
        String name = type.startsWith(CloudEvents.TYPE_PREFIX) ? type.substring(CloudEvents.TYPE_PREFIX.length()) : type;
        return config.schemaBaseUrl().replaceAll("/+$", "") + "/" + name;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> producerConfig = kafka.client();
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis());
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, instance + "-outbox-relay");
        return producerConfig;
    }

}
