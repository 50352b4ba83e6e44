package org.urbaninvest.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "urbaninvest.reporting")
public interface ReportingConfig {

    Summaries summaries();

    Rebuild rebuild();

    Findings findings();

    /** The thresholds of the day-based finding rules, in days ("more than … days"). */
    interface Findings {

        /** INTENDED and not signed. */
        @WithDefault("180")
        int intentionStaleDays();

        /** SIGNED and not started. */
        @WithDefault("365")
        int signedNotStartedDays();

        /** STARTED with a signed amount and no disbursement (since the start or the last one). */
        @WithDefault("365")
        int noFundsDays();
    }

    interface Summaries {

        /** Whether this instance publishes zone-summaries.v1. */
        @WithDefault("true")
        boolean enabled();

        /** The shortest time between two publications of the same zone's summary. */
        @WithDefault("1s")
        Duration minInterval();

        /** Creates the topic as compacted at start-up when it is missing (off where Strimzi manages topics). */
        @WithDefault("true")
        boolean createTopic();

        @WithDefault("3")
        int partitions();
    }

    interface Rebuild {

        /** How long the replay waits for records in one poll. */
        @WithDefault("500ms")
        Duration pollTimeout();

        /** The longest a rebuild may take before it is abandoned (the active figures stay). */
        @WithDefault("2h")
        Duration timeout();
    }
}
