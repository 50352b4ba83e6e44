package org.urbaninvest.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one source of "now" for stored timestamps: at the precision PostgreSQL keeps (microseconds), so a
 * representation built before storing equals the one read back. Tests replace it with {@code QuarkusMock}.
 */
@ApplicationScoped
public class Clock {

    private final java.time.Clock source;

    public Clock() {
        this(java.time.Clock.systemUTC());
    }

    /** A clock reading {@code source}, e.g. {@code java.time.Clock.fixed(...)} in a test. */
    public Clock(java.time.Clock source) {
        this.source = source;
    }

    public Instant now() {
        return source.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
