package org.urbaninvest.platform.jdbc;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Bulk writes for imports on the transaction's own connection: one statement executed for many rows as a single
 * JDBC batch, which the driver sends together (inserts as multi-row inserts, {@code reWriteBatchedInserts}); never a
 * round trip per row.
 */
public final class JdbcBatch {

    /** One column of a set-based statement: its PostgreSQL type and each row's value (null for SQL NULL). */
    public record Column<T>(String type, Function<T, Object> value) {
    }

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
            requireChanged(count == 1, what);
        }
    }

    /**
     * Executes a version-guarded update of many rows as one set-based statement: {@code sql} takes one array per
     * column, in order ({@code UPDATE … FROM unnest(?::text[], …, ?::bigint[]) AS c(…, stored_version) WHERE key =
     * c.key AND version = c.stored_version}), and must change every row, else a row changed meanwhile and the whole
     * transaction is refused. One statement for the rows instead of one per row.
     */
    public static <T> void updateAll(EntityManager entityManager, String sql, List<Column<T>> columns,
            Collection<T> rows, String what) {
        if (rows.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < columns.size(); i++) {
                    Column<T> column = columns.get(i);
                    statement.setArray(i + 1, connection.createArrayOf(column.type(),
                            rows.stream().map(column.value()).toArray()));
                }
                requireChanged(statement.executeUpdate() == rows.size(), what);
            }
        });
    }

    private static void requireChanged(boolean changed, String what) {
        if (!changed) {
            throw new OptimisticLockException(what + " changed while it was being imported");
        }
    }

    /** An instant as a {@code TIMESTAMPTZ} parameter. */
    public static OffsetDateTime timestamp(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
