package org.urbaninvest.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * What the relaying instance does besides publishing: measures what is waiting (for readiness and metrics, once a
 * second) and deletes rows published longer ago than the retention (once a minute). Neither is urgent; a failure
 * only postpones it.
 */
@ApplicationScoped
public class OutboxHousekeeping {

    private static final Logger LOG = Logger.getLogger(OutboxHousekeeping.class);
    private static final Duration STATS_EVERY = Duration.ofSeconds(1);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    private static final int PURGE_BATCH = 10_000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry metrics;

    private volatile OutboxStats stats = new OutboxStats(0, null, Instant.EPOCH);
    private Instant lastPurge = Instant.EPOCH;

    /** What is waiting, as last measured: for readiness data and metrics. */
    public record OutboxStats(long pending, Instant oldestPendingAt, Instant measuredAt) {
        public double oldestAgeSeconds() {
            return oldestPendingAt == null ? 0
                    : Math.max(0, Duration.between(oldestPendingAt, Instant.now()).toMillis() / 1000.0);
        }
    }

    void registerMetrics(@Observes StartupEvent event) {
        Gauge.builder("urbaninvest.outbox.pending", () -> stats.pending())
                .description("Events written to the outbox and not yet acknowledged by Kafka").register(metrics);
        Gauge.builder("urbaninvest.outbox.oldest.pending.age", () -> stats.oldestAgeSeconds())
                .baseUnit("seconds").description("Age of the oldest event not yet published").register(metrics);
    }

    public OutboxStats stats() {
        return stats;
    }

    /** Called by the relay thread after each round; does what is due. {@code running} stops a long purge. */
    void tick(BooleanSupplier running) {
        Instant now = Instant.now();
        if (Duration.between(stats.measuredAt(), now).compareTo(STATS_EVERY) >= 0) {
            stats = measure(now);
        }
        if (Duration.between(lastPurge, now).compareTo(PURGE_EVERY) >= 0) {
            purge(now.minus(config.retention()), running);
            lastPurge = now;
        }
    }

    private OutboxStats measure(Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(*), min(ce_time) FROM outbox WHERE published_at IS NULL");
                ResultSet rs = query.executeQuery()) {
            rs.next();
            Timestamp oldest = rs.getTimestamp(2);
            return new OutboxStats(rs.getLong(1), oldest == null ? null : oldest.toInstant(), now);
        } catch (SQLException e) {
            LOG.debugf("outbox statistics unavailable: %s", e.getMessage());
            return stats;
        }
    }

    private void purge(Instant publishedBefore, BooleanSupplier running) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id IN"
                        + " (SELECT id FROM outbox WHERE published_at < ? LIMIT " + PURGE_BATCH + ")")) {
            delete.setTimestamp(1, Timestamp.from(publishedBefore));
            int deleted;
            do {
                deleted = delete.executeUpdate();
            } while (deleted == PURGE_BATCH && running.getAsBoolean());
        } catch (SQLException e) {
            LOG.debugf("outbox purge postponed: %s", e.getMessage());
        }
    }
}
