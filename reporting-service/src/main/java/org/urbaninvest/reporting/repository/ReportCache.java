package org.urbaninvest.reporting.repository;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.urbaninvest.platform.jdbc.NotificationChannel;

/**
 * Reports served from memory while nothing they read has changed. Every commit that changes a table a zone report
 * reads notifies all instances through PostgreSQL ({@code LISTEN reports}, raised by triggers: migration V7), so a
 * change projected by any instance drops what every instance holds, moments after its commit. While this instance
 * is not listening (at start, the database away, the connection lost) nothing is held and every report is read.
 * <p>
 * A report read from a snapshot older than a change must not outlive it: each report is stored only if no change
 * was announced while it was being read (the epoch), and dropped again if one was announced while it was stored.
 */
@ApplicationScoped
public class ReportCache {

    static final String CHANNEL = "reports";

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "urbaninvest.reporting.report-cache.enabled", defaultValue = "true")
    boolean enabled;

    private final Map<Object, Object> held = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    private volatile NotificationChannel changes;

    void start(@Observes StartupEvent event) {
        if (enabled) {
            // whenever the listener signals (listening started or stopped, or a change announced), drop everything
            changes = NotificationChannel.listen(dataSource, CHANNEL, this::changed);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        NotificationChannel listener = changes;
        if (listener != null) {
            listener.stop();
        }
    }

    /**
     * The value held for {@code key}, or {@code read}'s answer, held for the next caller when no change was
     * announced meanwhile. Failures are not held.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> read) {
        Object known = held.get(key);
        if (known != null) {
            return (T) known;
        }
        long before = epoch.get();
        T fresh = read.get();
        NotificationChannel listener = changes;
        if (listener != null && listener.listening() && fresh != null && epoch.get() == before) {
            held.put(key, fresh);
            if (epoch.get() != before) {
                held.remove(key, fresh); // a change was announced while storing: it may have been cleared already
            }
        }
        return fresh;
    }

    /** The value held for {@code key} now, or {@code null}; never reads. */
    @SuppressWarnings("unchecked")
    public <T> T held(Object key) {
        return (T) held.get(key);
    }

    /** Whether a value is held for {@code key} now. */
    public boolean holds(Object key) {
        return held.containsKey(key);
    }

    /**
     * Drops everything held: a change was committed (this instance calls it after its own commits, so its next
     * read does not wait for the notification), announced, or may have been missed.
     */
    public void changed() {
        epoch.incrementAndGet();
        held.clear();
    }
}
