package org.urbaninvest.platform.jdbc;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import org.hibernate.Session;

/**
 * Bulk writes for imports on the transaction's own connection: one statement executed for many rows as a single
 * JDBC batch, which the driver sends together (inserts as multi-row inserts, {@code reWriteBatchedInserts}); never a
 * round trip per row.
 */
public final class JdbcBatch {

    /** Sets one row's parameters. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    private JdbcBatch() {
    }

    /** Executes {@code sql} once per row, as one batch (nothing when there are no rows); returns the update counts. */
    public static <T> int[] execute(EntityManager entityManager, String sql, Collection<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        int[][] counts = new int[1][];
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (T row : rows) {
                    binder.bind(statement, row);
                    statement.addBatch();
                }
                counts[0] = statement.executeBatch();
            }
        });
        return counts[0];
    }

    /**
     * Executes version-guarded updates ({@code … WHERE key = ? AND version = ?}) as one batch: each must change
     * exactly one row, else a row changed meanwhile and the whole transaction is refused.
     */
    public static <T> void update(EntityManager entityManager, String sql, Collection<T> rows, Binder<T> binder,
            String what) {
        for (int count : execute(entityManager, sql, rows, binder)) {
            if (count != 1) {
                throw new OptimisticLockException(what + " changed while it was being imported");
            }
        }
    }

    /** An instant as a {@code TIMESTAMPTZ} parameter. */
    public static OffsetDateTime timestamp(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
