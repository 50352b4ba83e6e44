package org.urbaninvest.platform.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * A PostgreSQL notification channel heard by this process: {@code LISTEN} on a connection of its own, on a daemon
 * thread, taken again after a growing pause (at most 5 s) whenever the database or the connection goes away.
 * <p>
 * The listener's {@code signal} runs on that thread whenever something may have been announced: once listening has
 * started (what came before was not heard), at each delivery of notifications, and when listening stops (until it
 * starts again, nothing is heard). {@link #listening()} says whether announcements are being heard now.
 */
public final class NotificationChannel {

    private static final Logger LOG = Logger.getLogger(NotificationChannel.class);
    private static final int WAIT_MILLIS = 1000;

    private final DataSource dataSource;
    private final String channel;
    private final Runnable signal;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean listening;

    private NotificationChannel(DataSource dataSource, String channel, Runnable signal) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.signal = signal;
        this.thread = new Thread(this::listen, channel + "-listener");
        thread.setDaemon(true);
    }

    /** Starts listening on {@code channel} (a plain identifier); {@code signal} must be quick and never throw. */
    public static NotificationChannel listen(DataSource dataSource, String channel, Runnable signal) {
        NotificationChannel listener = new NotificationChannel(dataSource, channel, signal);
        listener.thread.start();
        return listener;
    }

    /**
     * Announces on {@code channel} to every process listening on it, in a transaction of its own on a connection of
     * {@code dataSource}. That transaction does not wait for the disk: an announcement is a hint (listeners must
     * have a timer of their own), and PostgreSQL serialises every notifying commit on one lock held through its WAL
     * flush, which is why business transactions never notify.
     */
    public static void announce(DataSource dataSource, String channel) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement relaxed = connection.createStatement();
                    PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, '')")) {
                relaxed.execute("SET LOCAL synchronous_commit = off");
                notify.setString(1, channel);
                notify.execute();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Whether announcements on the channel are heard now. */
    public boolean listening() {
        return listening;
    }

    /** Stops listening within about a second (the thread is a daemon: it never holds the process up). */
    public void stop() {
        running = false;
        thread.interrupt();
    }

    private void listen() {
        long pause = 100;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                listening = true;
                signal.run();
                pause = 100;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    if (notifications.getNotifications(WAIT_MILLIS).length > 0) {
                        signal.run();
                    } else if (!connection.isValid(1)) {
                        throw new SQLException("the connection listening on " + channel + " is gone");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.debugf("not listening on %s for now: %s", channel, e.getMessage());
                }
            } finally {
                if (listening) {
                    listening = false;
                    signal.run();
                }
            }
            if (running) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = Math.min(5_000, pause * 2);
            }
        }
    }
}
