package org.urbaninvest.reporting.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The findings rounds take at most their share of a thread: a long round is followed by a longer pause. */
class FindingsPaceTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void aShortRoundKeepsTheOneSecondTick() {
        FindingsPublisher.Pace pace = new FindingsPublisher.Pace(10, 0);
        assertThat(pace.due(0)).as("the first round").isTrue();
        pace.ran(0, 5 * MS);
        assertThat(pace.due(1000 * MS)).as("the next tick, a second later").isTrue();
    }

    @Test
    void aLongRoundWaitsTenTimesItsLengthFromItsStart() {
        FindingsPublisher.Pace pace = new FindingsPublisher.Pace(10, 0);
        pace.ran(1000 * MS, 1300 * MS); // a round of 300 ms that began at 1 s
        assertThat(pace.due(2000 * MS)).isFalse();
        assertThat(pace.due(3000 * MS)).isFalse();
        assertThat(pace.due(3999 * MS)).isFalse();
        assertThat(pace.due(4000 * MS)).isTrue();
    }

    @Test
    void theNanoTimeOriginMayBeNegative() {
        long origin = Long.MIN_VALUE + 10 * MS;
        FindingsPublisher.Pace pace = new FindingsPublisher.Pace(10, origin);
        assertThat(pace.due(origin)).isTrue();
        pace.ran(origin, origin + 100 * MS);
        assertThat(pace.due(origin + 999 * MS)).isFalse();
        assertThat(pace.due(origin + 1000 * MS)).isTrue();
    }
}
