package org.urbaninvest.platform.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import org.postgresql.util.PSQLException;

/**
 * Tells a failure of the surroundings (database unreachable, restarting, overloaded) from a failure of the
 * request or the event itself: the first is worth a retry or a 503, the second never is.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof ConnectException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientState(sql.getSQLState())) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.contains("Acquisition timeout")) {
                return true; // Agroal: no connection could be opened in time
            }
        }
        return false;
    }

    /** True when the failure is a unique-key violation, i.e. someone else stored the same key first. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name of the constraint or unique index a unique-key violation names (also when a batch failed on it);
     * null when none is named.
     */
    public static String violatedConstraint(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (SQLException sql = t instanceof SQLException first ? first : null; sql != null;
                    sql = sql.getNextException()) {
                if (sql instanceof PSQLException psql && "23505".equals(psql.getSQLState())
                        && psql.getServerErrorMessage() != null) {
                    return psql.getServerErrorMessage().getConstraint();
                }
            }
        }
        return null;
    }

    private static boolean isTransientState(String state) {
        // 08: connection exception, 40: serialization failure / deadlock, 53: insufficient resources,
        // 57P0x: server shutting down or not accepting connections yet
        return state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.startsWith("57P"));
    }
}
