package org.urbaninvest.reporting.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.urbaninvest.platform.tracing.TraceContext;

/**
 * A queue of zones marked for a publisher: appended in the projections' transactions (append-only, so no row is ever
 * locked by two writers), read, handled and deleted by the publisher in its own. Each mark keeps the trace context
 * of the event application that made it, which the publication continues.
 */
public enum ZoneMarks {
    /** Zones whose report changed, for zone-summaries.v1. */
    SUMMARIES("zone_change"),
    /** Zones whose findings may have changed, for zone-findings.v1. */
    FINDINGS("finding_change");

    private final String table;

    ZoneMarks(String table) {
        this.table = table;
    }

    /** A zone marked, with the trace context of the event application that marked it. */
    public record Mark(long id, String zoneCode, TraceContext trace) {
    }

    /**
     * The trace each zone's publication continues: that of the zone's newest traced mark, else (an ancestor, a zone
     * marked without a trace) that of the newest traced mark of the round.
     */
    public record Traces(Map<String, TraceContext> byZone, TraceContext newest) {

        public static Traces of(List<Mark> marks) {
            Map<String, TraceContext> byZone = new HashMap<>();
            TraceContext newest = TraceContext.NONE;
            for (Mark mark : marks) { // oldest first: the newest mark of a zone wins
                if (mark.trace().isPresent()) {
                    byZone.put(mark.zoneCode(), mark.trace());
                    newest = mark.trace();
                }
            }
            return new Traces(byZone, newest);
        }

        public TraceContext of(String zone) {
            return byZone.getOrDefault(zone, newest);
        }
    }

    /** The oldest marks, oldest first. */
    public List<Mark> pending(Connection connection, int limit) throws SQLException {
        List<Mark> marks = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, zone_code, traceparent, tracestate FROM " + table + " ORDER BY id LIMIT ?")) {
            query.setInt(1, limit);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    marks.add(new Mark(rs.getLong(1), rs.getString(2), new TraceContext(rs.getString(3),
                            rs.getString(4))));
                }
            }
        }
        return marks;
    }

    /** Marks zones (in key order), each with its trace context; one batch. */
    public Void insert(Connection connection, Map<String, TraceContext> zones) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + table + " (zone_code, traceparent, tracestate) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, TraceContext> zone : new TreeMap<>(zones).entrySet()) {
                insert.setString(1, zone.getKey());
                insert.setString(2, zone.getValue().traceparent());
                insert.setString(3, zone.getValue().tracestate());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return null;
    }

    /** Marks every zone of a generation (no trace: nothing the projections applied caused it). */
    public int insertAll(Connection connection, int generation) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                + " (zone_code) SELECT code FROM zone_view WHERE generation = ? ORDER BY code")) {
            insert.setInt(1, generation);
            return insert.executeUpdate();
        }
    }

    public int done(Connection connection, List<Mark> marks) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", marks.stream().map(Mark::id).toArray()));
            return delete.executeUpdate();
        }
    }

    /**
     * Takes a transaction-level advisory lock, without waiting: one publisher at a time across replicas, until
     * the caller's transaction ends.
     */
    public static boolean tryLock(Connection connection, long lock) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            query.setLong(1, lock);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
