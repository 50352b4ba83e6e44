package org.urbaninvest.reporting.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.platform.tracing.TraceContext;
import org.urbaninvest.reporting.domain.AgreementState;
import org.urbaninvest.reporting.domain.Contribution;
import org.urbaninvest.reporting.domain.ProjectState;
import org.urbaninvest.reporting.domain.TotalsTable;
import org.urbaninvest.reporting.mapping.States;

/**
 * The write side of the projections, in the caller's transaction (the inbox's, one per batch of events and
 * generation). Plain JDBC on the transaction's connection: upserts with {@code ON CONFLICT}, rows read and
 * written a batch at a time.
 */
@ApplicationScoped
public class ProjectionStore {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    /** A zone as the projection holds it; {@code known} is false when the zone has not been seen yet. */
    public record ZoneRow(boolean known, String parentCode) {
    }

    public record ProgrammeCategory(String code, String name, long declaredCount, Money declared) {
    }

    /**
     * Locks the generation against a switch-over for the rest of the transaction; returns its status, or
     * {@code null} when it no longer exists (dropped by a switch-over after the caller listed it).
     */
    public String holdGeneration(int generation) {
        return work(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT status FROM projection_generation WHERE generation = ? FOR SHARE")) {
                query.setInt(1, generation);
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    public void advanceClock(int generation, String topic, Instant eventTime) {
        update("""
                INSERT INTO generation_clock (generation, topic, as_of) VALUES (?, ?, ?)
                ON CONFLICT (generation, topic) DO UPDATE SET as_of = GREATEST(generation_clock.as_of, EXCLUDED.as_of)""",
                generation, topic, Timestamp.from(eventTime));
    }

    public ZoneRow findZone(int generation, String code) {
        return work(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT parent_code FROM zone_view WHERE generation = ? AND code = ?")) {
                query.setInt(1, generation);
                query.setString(2, code);
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next() ? new ZoneRow(true, rs.getString(1)) : new ZoneRow(false, null);
                }
            }
        });
    }

    public void saveZone(int generation, String code, String name, String kind, String parentCode) {
        update("""
                INSERT INTO zone_view (generation, code, name, kind, parent_code) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (generation, code) DO UPDATE
                SET name = EXCLUDED.name, kind = EXCLUDED.kind, parent_code = EXCLUDED.parent_code""",
                generation, code, name, kind, parentCode);
    }

    public void saveProgramme(int generation, String code, String name, String zoneCode, LocalDate publishedOn,
            long declaredCount, Money declared, List<ProgrammeCategory> categories) {
        update("""
                INSERT INTO programme_view (generation, code, name, zone_code, published_on, declared_count,
                                            declared_amount, declared_currency)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (generation, code) DO UPDATE
                SET name = EXCLUDED.name, zone_code = EXCLUDED.zone_code, published_on = EXCLUDED.published_on,
                    declared_count = EXCLUDED.declared_count, declared_amount = EXCLUDED.declared_amount,
                    declared_currency = EXCLUDED.declared_currency""",
                generation, code, name, zoneCode, publishedOn == null ? null : Date.valueOf(publishedOn),
                declaredCount, declared.amount(), declared.currency());
        update("DELETE FROM programme_category_view WHERE generation = ? AND programme_code = ?", generation, code);
        work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO programme_category_view (generation, programme_code, code, position, name,
                                                         declared_count, declared_amount, declared_currency)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int position = 0;
                for (ProgrammeCategory category : categories) {
                    insert.setInt(1, generation);
                    insert.setString(2, code);
                    insert.setString(3, category.code());
                    insert.setInt(4, position++);
                    insert.setString(5, category.name());
                    insert.setLong(6, category.declaredCount());
                    insert.setBigDecimal(7, category.declared().amount());
                    insert.setString(8, category.declared().currency());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    public void saveInvestor(int generation, String id, String name, String kind) {
        update("""
                INSERT INTO investor_view (generation, id, name, kind) VALUES (?, ?, ?, ?)
                ON CONFLICT (generation, id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind""",
                generation, id, name, kind);
    }

    /** Keeps a plan's snapshot (the inbox let only a newer version through). */
    public void savePlan(int generation, String code, String zoneCode, JsonNode snapshot) {
        update("""
                INSERT INTO plan_view (generation, code, zone_code, snapshot) VALUES (?, ?, ?, ?::jsonb)
                ON CONFLICT (generation, code) DO UPDATE SET zone_code = EXCLUDED.zone_code, snapshot = EXCLUDED.snapshot""",
                generation, code, zoneCode, snapshot.toString());
    }

    /** The projects held for these codes (those not held yet are missing from the map). */
    public Map<String, ProjectState> findProjects(int generation, Collection<String> codes) {
        return codes.isEmpty() ? new HashMap<>() : work(connection -> findProjects(connection, generation, codes));
    }

    /** The same, on the caller's connection (a report's snapshot). */
    public Map<String, ProjectState> findProjects(Connection connection, int generation, Collection<String> codes)
            throws SQLException {
        Map<String, ProjectState> found = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT code, zone_code, programme_code, category_code, status, estimated_investment_amount,
                       estimated_investment_currency, milestones::text
                FROM project_view WHERE generation = ? AND code = ANY(?)""")) {
            query.setInt(1, generation);
            query.setArray(2, textArray(connection, codes));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new ProjectState(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), new Money(rs.getBigDecimal(6), rs.getString(7)),
                            readMilestones(rs.getString(8))));
                }
            }
        }
        return found;
    }

    /** Stores these projects, one batch (the caller passes each code once, in a fixed order). */
    public void saveProjects(int generation, Collection<ProjectState> projects) {
        batch("""
                INSERT INTO project_view (generation, code, zone_code, programme_code, category_code, status,
                                          estimated_investment_amount, estimated_investment_currency, milestones)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (generation, code) DO UPDATE
                SET zone_code = EXCLUDED.zone_code, programme_code = EXCLUDED.programme_code,
                    category_code = EXCLUDED.category_code, status = EXCLUDED.status,
                    estimated_investment_amount = EXCLUDED.estimated_investment_amount,
                    estimated_investment_currency = EXCLUDED.estimated_investment_currency,
                    milestones = EXCLUDED.milestones""",
                projects, project -> new Object[] {generation, project.code(), project.zoneCode(),
                    project.programmeCode(), project.categoryCode(), project.status(),
                    project.estimatedInvestment().amount(), project.estimatedInvestment().currency(),
                    writeMilestones(project.milestones())});
    }

    /** The agreements held for these ids (those not held yet are missing from the map). */
    public Map<String, AgreementState> findAgreements(int generation, Collection<String> ids) {
        return ids.isEmpty() ? new HashMap<>() : work(connection -> findAgreements(connection, generation, ids));
    }

    /** The same, on the caller's connection (a report's snapshot). */
    public Map<String, AgreementState> findAgreements(Connection connection, int generation, Collection<String> ids)
            throws SQLException {
        Map<String, AgreementState> found = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT id, zone_code, project_code, investor_id, stage, intended_amount, intended_currency,
                       intended_on, signed_amount, signed_currency, signed_on, started_on, operational_on,
                       withdrawn_on, funds_in_place_amount, funds_in_place_currency, disbursements::text,
                       original_intended_amount, original_signed_amount, amendments
                FROM agreement_view WHERE generation = ? AND id = ANY(?)""")) {
            query.setInt(1, generation);
            query.setArray(2, textArray(connection, ids));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), agreement(rs));
                }
            }
        }
        return found;
    }

    private AgreementState agreement(ResultSet rs) throws SQLException {
        Money intended = new Money(rs.getBigDecimal(6), rs.getString(7));
        BigDecimal signedAmount = rs.getBigDecimal(9);
        Money signed = signedAmount == null ? null : new Money(signedAmount, rs.getString(10));
        BigDecimal originalIntended = rs.getBigDecimal(18);
        BigDecimal originalSigned = rs.getBigDecimal(19);
        AgreementState.Revisions revisions = new AgreementState.Revisions(
                originalIntended == null ? intended : new Money(originalIntended, intended.currency()),
                originalSigned == null || signed == null ? signed : new Money(originalSigned, signed.currency()),
                rs.getInt(20));
        return new AgreementState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                intended, localDate(rs.getDate(8)), signed, localDate(rs.getDate(11)), localDate(rs.getDate(12)),
                localDate(rs.getDate(13)), localDate(rs.getDate(14)),
                new Money(rs.getBigDecimal(15), rs.getString(16)), readDisbursements(rs.getString(17)), revisions);
    }

    /** Stores these agreements, one batch (the caller passes each id once, in a fixed order). */
    public void saveAgreements(int generation, Collection<AgreementState> agreements) {
        batch("""
                INSERT INTO agreement_view (generation, id, zone_code, project_code, investor_id, stage,
                    intended_amount, intended_currency, intended_on, signed_amount, signed_currency, signed_on,
                    started_on, operational_on, withdrawn_on, funds_in_place_amount, funds_in_place_currency,
                    disbursements, original_intended_amount, original_signed_amount, amendments)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                ON CONFLICT (generation, id) DO UPDATE
                SET zone_code = EXCLUDED.zone_code, project_code = EXCLUDED.project_code,
                    investor_id = EXCLUDED.investor_id, stage = EXCLUDED.stage,
                    intended_amount = EXCLUDED.intended_amount, intended_currency = EXCLUDED.intended_currency,
                    intended_on = EXCLUDED.intended_on, signed_amount = EXCLUDED.signed_amount,
                    signed_currency = EXCLUDED.signed_currency, signed_on = EXCLUDED.signed_on,
                    started_on = EXCLUDED.started_on, operational_on = EXCLUDED.operational_on,
                    withdrawn_on = EXCLUDED.withdrawn_on,
                    funds_in_place_amount = EXCLUDED.funds_in_place_amount,
                    funds_in_place_currency = EXCLUDED.funds_in_place_currency,
                    disbursements = EXCLUDED.disbursements,
                    original_intended_amount = EXCLUDED.original_intended_amount,
                    original_signed_amount = EXCLUDED.original_signed_amount, amendments = EXCLUDED.amendments""",
                agreements, agreement -> {
                    Money signed = agreement.signedAmount();
                    AgreementState.Revisions revisions = agreement.revisions();
                    return new Object[] {generation, agreement.id(), agreement.zoneCode(), agreement.projectCode(),
                        agreement.investorId(), agreement.stage(), agreement.intendedAmount().amount(),
                        agreement.intendedAmount().currency(), sqlDate(agreement.intendedOn()),
                        signed == null ? null : signed.amount(), signed == null ? null : signed.currency(),
                        sqlDate(agreement.signedOn()), sqlDate(agreement.startedOn()),
                        sqlDate(agreement.operationalOn()), sqlDate(agreement.withdrawnOn()),
                        agreement.fundsInPlace().amount(), agreement.fundsInPlace().currency(),
                        writeDisbursements(agreement.disbursements()), revisions.originalIntended().amount(),
                        revisions.originalSigned() == null ? null : revisions.originalSigned().amount(),
                        revisions.amendments()};
                });
    }

    /** Adds the rows of {@code delta} to the totals tables, one batch per table. */
    public void addTotals(int generation, Contribution delta) {
        if (delta.isEmpty()) {
            return;
        }
        work(connection -> {
            TotalsTable current = null;
            PreparedStatement statement = null;
            try {
                for (Map.Entry<Contribution.Key, Contribution.Figure> row : delta.rows().entrySet()) {
                    TotalsTable table = row.getKey().table();
                    if (table != current) {
                        if (statement != null) {
                            statement.executeBatch();
                            statement.close();
                        }
                        statement = connection.prepareStatement(table.upsertSql());
                        current = table;
                    }
                    int index = 1;
                    statement.setInt(index++, generation);
                    for (Object value : row.getKey().values()) {
                        statement.setObject(index++, value instanceof LocalDate day ? Date.valueOf(day) : value);
                    }
                    statement.setLong(index++, row.getValue().count());
                    statement.setBigDecimal(index, row.getValue().amount());
                    statement.addBatch();
                }
                if (statement != null) {
                    statement.executeBatch();
                }
            } finally {
                if (statement != null) {
                    statement.close();
                }
            }
            return null;
        });
    }

    /** Notes that these zones' reports changed, for the zone-summaries publisher, each with the trace it continues. */
    public void markChanged(Map<String, TraceContext> zones) {
        work(connection -> ZoneMarks.SUMMARIES.insert(connection, zones));
    }

    /**
     * Notes that the findings of these zones, and of the zones of these programmes (whose registered projects
     * changed), are to be evaluated again, for the zone-findings publisher, each with the trace it continues.
     */
    public void markFindings(int generation, Map<String, TraceContext> zones, Map<String, TraceContext> programmes) {
        work(connection -> {
            Map<String, TraceContext> all = new TreeMap<>(zones);
            if (!programmes.isEmpty()) {
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT code, zone_code FROM programme_view WHERE generation = ? AND code = ANY (?)")) {
                    query.setInt(1, generation);
                    query.setArray(2, connection.createArrayOf("text", programmes.keySet().toArray()));
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            all.putIfAbsent(rs.getString(2), programmes.get(rs.getString(1)));
                        }
                    }
                }
            }
            return ZoneMarks.FINDINGS.insert(connection, all);
        });
    }

    private List<ProjectState.Milestone> readMilestones(String text) {
        return readList(text, "milestones", States::milestone);
    }

    private String writeMilestones(List<ProjectState.Milestone> milestones) {
        ArrayNode list = json.createArrayNode();
        for (ProjectState.Milestone milestone : milestones) {
            ObjectNode item = list.addObject();
            item.put("code", milestone.code());
            item.put("dueDate", milestone.dueDate() == null ? null : milestone.dueDate().toString());
            item.put("dateMet", milestone.dateMet() == null ? null : milestone.dateMet().toString());
            item.put("status", milestone.status());
        }
        return list.toString();
    }

    private List<AgreementState.Disbursement> readDisbursements(String text) {
        return readList(text, "disbursements", item -> new AgreementState.Disbursement(
                new Money(new BigDecimal(item.get("amount").asText()), item.get("currency").asText()),
                item.hasNonNull("receivedOn") ? LocalDate.parse(item.get("receivedOn").asText()) : null));
    }

    /** A JSON array column, item by item. */
    private <T> List<T> readList(String text, String what, Function<JsonNode, T> item) {
        try {
            List<T> list = new ArrayList<>();
            for (JsonNode node : json.readTree(text)) {
                list.add(item.apply(node));
            }
            return list;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + what + " are not JSON", e);
        }
    }

    private String writeDisbursements(List<AgreementState.Disbursement> disbursements) {
        ArrayNode list = json.createArrayNode();
        for (AgreementState.Disbursement disbursement : disbursements) {
            ObjectNode item = list.addObject();
            item.put("amount", disbursement.amount().amount().toPlainString());
            item.put("currency", disbursement.amount().currency());
            item.put("receivedOn", disbursement.receivedOn() == null ? null : disbursement.receivedOn().toString());
        }
        return list.toString();
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static Array textArray(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }

    /** Runs {@code sql} once per item, in one JDBC batch. */
    private <T> void batch(String sql, Collection<T> items, Function<T, Object[]> parameters) {
        if (items.isEmpty()) {
            return;
        }
        work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (T item : items) {
                    Object[] values = parameters.apply(item);
                    for (int i = 0; i < values.length; i++) {
                        statement.setObject(i + 1, values[i]);
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    private void update(String sql, Object... parameters) {
        work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            }
        });
    }

    private <T> T work(ReturningWork<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work);
    }
}
