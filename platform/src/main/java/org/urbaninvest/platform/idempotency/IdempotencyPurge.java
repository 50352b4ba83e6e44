package org.urbaninvest.platform.idempotency;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Deletes keys past their time to live, a batch at a time. Expired keys are already ignored when requests are
 * answered; this only keeps the table small. Instances purging together skip each other's rows instead of waiting.
 */
@ApplicationScoped
public class IdempotencyPurge {

    static final String DEFAULT_INTERVAL = "10m";
    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);
    private static final int BATCH = 10_000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IdempotencyConfig config;

    @Scheduled(every = "${urbaninvest.idempotency.purge-interval:" + DEFAULT_INTERVAL + "}", delayed = "1m",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            purge();
        } catch (SQLException e) {
            LOG.debugf("idempotency key purge postponed: %s", e.getMessage());
        }
    }

    /** Deletes every expired key; returns how many. */
    public long purge() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM idempotency_key WHERE ctid IN"
                    + " (SELECT ctid FROM idempotency_key WHERE created_at <= now() - make_interval(secs => ?)"
                    + " LIMIT ? FOR UPDATE SKIP LOCKED)")) {
                delete.setLong(1, config.ttl().toSeconds());
                delete.setInt(2, BATCH);
                long total = 0;
                int deleted;
                do {
                    deleted = delete.executeUpdate();
                    total += deleted;
                } while (deleted == BATCH);
                return total;
            }
        }
    }
}
