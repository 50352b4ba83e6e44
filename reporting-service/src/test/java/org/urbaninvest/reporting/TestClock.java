package org.urbaninvest.reporting;

import io.quarkus.test.junit.QuarkusMock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.urbaninvest.platform.time.Clock;

/** The service's clock, stopped at a given instant for the rest of the test (and for the jobs running meanwhile). */
final class TestClock {

    private TestClock() {
    }

    static void at(String instant) {
        QuarkusMock.installMockForType(new Clock(java.time.Clock.fixed(Instant.parse(instant), ZoneOffset.UTC)),
                Clock.class);
    }
}
