package org.urbaninvest.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.urbaninvest.platform.events.IncomingEvent;
import org.urbaninvest.platform.events.PoisonEventException;
import org.urbaninvest.platform.inbox.EventInbox;
import org.urbaninvest.platform.kafka.KafkaClientSettings;
import org.urbaninvest.platform.problem.ProblemException;
import org.urbaninvest.reporting.config.ReportingConfig;
import org.urbaninvest.reporting.domain.RebuildStatus;
import org.urbaninvest.reporting.events.Topics;
import org.urbaninvest.reporting.repository.Generations;
import org.urbaninvest.reporting.repository.ReportCache;

/**
 * Rebuilds the projections from the beginning of every topic into a fresh generation while the active one
 * keeps answering reports, then switches over in one transaction. The live consumers apply new events to
 * both generations meanwhile; the replay reads up to the end offsets taken after the new generation opened,
 * so every event reaches the new generation from the replay, the live consumers, or both (applied once).
 * The replay applies what each poll returns as one batch.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    /** The advisory lock a rebuilding instance holds. Any constant works: the database is the service's own. */
    public static final long REBUILD_LOCK = 0x4EB01DL;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Generations generations;

    @Inject
    ReportCache reportCache;

    @Inject
    ProjectionService projections;

    @Inject
    KafkaClientSettings kafka;

    @Inject
    ObjectMapper json;

    @Inject
    ReportingConfig config;

    @Inject
    MeterRegistry metrics;

    private volatile RebuildStatus status = RebuildStatus.idle();
    private volatile boolean stopping;
    private final AtomicLong read = new AtomicLong();

    /** A build left behind by a stopped instance can never finish: drop it, unless another instance is building. */
    void discardAbandoned(@Observes StartupEvent event) {
        try (Connection lock = dataSource.getConnection()) {
            if (tryLock(lock)) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> generations.building().forEach(generations::drop));
                } finally {
                    unlock(lock);
                }
            }
        } catch (SQLException e) {
            LOG.warnf("abandoned projection builds not checked: %s", e.getMessage());
        }
    }

    /** One instance rebuilds at a time: it holds this session lock for the whole rebuild. */
    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, REBUILD_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection) {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, REBUILD_LOCK);
            unlock.execute();
        } catch (SQLException e) {
            LOG.debugf("rebuild lock released with its connection: %s", e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Rebuild progress for operators: whether this instance is rebuilding, and the records to replay and read so
     * far by its current or last rebuild (also at {@code GET /api/v1/admin/rebuild}).
     */
    void registerMetrics(@Observes StartupEvent event) {
        Gauge.builder("urbaninvest.rebuild.running", () -> RebuildStatus.RUNNING.equals(status.state()) ? 1 : 0)
                .description("1 while this instance rebuilds the projections").register(metrics);
        Gauge.builder("urbaninvest.rebuild.events.total", () -> status().eventsTotal())
                .description("Records the current or last rebuild replays").register(metrics);
        Gauge.builder("urbaninvest.rebuild.events.read", () -> status().eventsRead())
                .description("Records the current or last rebuild has read so far").register(metrics);
    }

    public RebuildStatus status() {
        RebuildStatus current = status;
        return RebuildStatus.RUNNING.equals(current.state()) ? current.withRead(read.get()) : current;
    }

    /** Starts a rebuild in the background; 409 while one is running (on any instance). */
    public synchronized RebuildStatus start() {
        Connection lock = null;
        try {
            lock = dataSource.getConnection();
            if (!tryLock(lock)) {
                throw ProblemException.conflict("a rebuild is already running");
            }
            // a build left by an instance that stopped mid-way cannot finish: start afresh
            QuarkusTransaction.requiringNew().run(() -> generations.building().forEach(generations::drop));
            Integer generation = QuarkusTransaction.requiringNew().call(generations::openBuilding);
            if (generation == null) {
                throw ProblemException.conflict("a rebuild is already running");
            }
            read.set(0);
            status = RebuildStatus.running(generation, Instant.now(), 0);
            Connection held = lock;
            Thread thread = new Thread(() -> run(generation, held), "projection-rebuild-" + generation);
            thread.setDaemon(true);
            thread.start();
            lock = null; // the rebuild thread releases it
            return status;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the rebuild lock: " + e.getMessage(), e);
        } finally {
            if (lock != null) {
                close(lock);
            }
        }
    }

    private static void close(Connection lock) {
        unlock(lock);
        try {
            lock.close();
        } catch (SQLException e) {
            LOG.debugf("rebuild lock connection closed: %s", e.getMessage());
        }
    }

    private void run(int generation, Connection lock) {
        try {
            run(generation);
        } finally {
            close(lock);
        }
    }

    private void run(int generation) {
        Instant started = status.startedAt();
        try {
            long events = replay(generation);
            QuarkusTransaction.requiringNew().run(() -> generations.switchTo(generation));
            reportCache.changed();
            status = RebuildStatus.finished(generation, started, Instant.now(), events);
            LOG.infof("projections rebuilt from %d events as generation %d", events, generation);
        } catch (RuntimeException e) {
            LOG.errorf(e, "projection rebuild %d failed; the active figures stay", generation);
            try {
                QuarkusTransaction.requiringNew().run(() -> generations.drop(generation));
            } catch (RuntimeException dropFailure) {
                LOG.warnf("generation %d is dropped at the next start: %s", generation, dropFailure.getMessage());
            }
            status = RebuildStatus.failed(generation, started, Instant.now(), read.get(), e.getMessage());
        }
    }

    /** Reads every topic from the beginning up to the end offsets of now; returns the records read. */
    private long replay(int generation) {
        Map<String, Object> settings = kafka.client();
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "reporting-service-rebuild-" + UUID.randomUUID());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        settings.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        Instant deadline = Instant.now().plus(config.rebuild().timeout());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.CONSUMED) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long total = 0;
            for (TopicPartition partition : partitions) {
                total += Math.max(0, end.get(partition) - consumer.position(partition, Duration.ofSeconds(30)));
            }
            status = RebuildStatus.running(generation, status.startedAt(), total);
            while (!done(consumer, partitions, end)) {
                if (stopping || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(stopping ? "the service is stopping" : "the rebuild timed out");
                }
                List<IncomingEvent> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(config.rebuild().pollTimeout())) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(partition)) {
                        parse(record, batch);
                        read.incrementAndGet();
                    }
                }
                for (EventInbox.Failure failure : projections.applyTo(generation, batch)) {
                    if (!(failure.error() instanceof PoisonEventException)) {
                        throw failure.error();
                    }
                    // the live consumer sent it to the dead letters already; it is skipped here for the same reason
                    LOG.debugf("rebuild skips unprocessable %s@%d: %s", failure.event().topic(),
                            failure.event().offset(), failure.error().getMessage());
                }
            }
            return read.get();
        }
    }

    private static boolean done(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> end) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < end.get(partition)) {
                return false;
            }
        }
        return true;
    }

    private void parse(ConsumerRecord<String, String> record, List<IncomingEvent> batch) {
        try {
            batch.add(IncomingEvent.parse(record, json));
        } catch (PoisonEventException e) {
            // the live consumer sent it to the dead letters already; it is skipped here for the same reason
            LOG.debugf("rebuild skips unprocessable %s@%d: %s", record.topic(), record.offset(), e.getMessage());
        }
    }
}
