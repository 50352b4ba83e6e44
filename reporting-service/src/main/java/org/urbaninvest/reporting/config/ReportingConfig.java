package org.urbaninvest.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "urbaninvest.reporting")
public interface ReportingConfig {

    Summaries summaries();

    Rebuild rebuild();

    Findings findings();

    /**
     * The thresholds of the day-based finding rules, in days ("more than … days"), and the publication of new and
     * cleared findings on zone-findings.v1.
     */
    interface Findings {

        /** When every zone is evaluated again (Quarkus cron, UTC): time-based findings appear as days pass. */
        String DEFAULT_DAILY = "0 5 0 * * ?";

        /** INTENDED and not signed. */
        @WithDefault("180")
        int intentionStaleDays();

        /** SIGNED and not started. */
        @WithDefault("365")
        int signedNotStartedDays();

        /** STARTED with a signed amount and no disbursement (since the start or the last one). */
        @WithDefault("365")
        int noFundsDays();

        /**
         * The most findings one zone-findings.v1 record lists (raised and cleared: half as many each); beyond it the
         * record is marked truncated. At about 350 bytes a finding, the default keeps a record well under Kafka's
         * 1 MB limit, which a zone with thousands of stale intentions would otherwise pass and block the outbox.
         */
        @WithDefault("1000")
        int recordLimit();

        /** Whether this instance publishes zone-findings.v1 (and re-evaluates the zones daily). */
        @WithDefault("true")
        boolean enabled();

        /** The daily re-evaluation's schedule; {@link #DEFAULT_DAILY} by default. */
        @WithDefault(DEFAULT_DAILY)
        String daily();

        /** Creates the topic as compacted at start-up when it is missing (off where Strimzi manages topics). */
        @WithDefault("true")
        boolean createTopic();

        @WithDefault("3")
        int partitions();
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
