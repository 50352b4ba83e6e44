package org.urbaninvest.reporting.domain;

import java.time.Instant;

/**
 * Where the last projection rebuild stands: {@code IDLE} (none since start-up), {@code RUNNING},
 * {@code COMPLETED} or {@code FAILED}. {@code eventsTotal} is the number of records to replay, {@code eventsRead}
 * those read so far.
 */
public record RebuildStatus(String state, Integer generation, Instant startedAt, Instant finishedAt,
        long eventsTotal, long eventsRead, String error) {

    public static final String RUNNING = "RUNNING";

    public static RebuildStatus idle() {
        return new RebuildStatus("IDLE", null, null, null, 0, 0, null);
    }

    public static RebuildStatus running(int generation, Instant startedAt, long total) {
        return new RebuildStatus(RUNNING, generation, startedAt, null, total, 0, null);
    }

    public static RebuildStatus finished(int generation, Instant startedAt, Instant finishedAt, long read) {
        return new RebuildStatus("COMPLETED", generation, startedAt, finishedAt, read, read, null);
    }

    public static RebuildStatus failed(int generation, Instant startedAt, Instant finishedAt, long read,
            String error) {
        return new RebuildStatus("FAILED", generation, startedAt, finishedAt, 0, read, error);
    }

    public RebuildStatus withRead(long read) {
        return new RebuildStatus(state, generation, startedAt, finishedAt, eventsTotal, read, error);
    }
}
