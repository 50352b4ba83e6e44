package org.urbaninvest.reporting.repository;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.reporting.domain.AgreementState;
import org.urbaninvest.reporting.domain.FindingRule;
import org.urbaninvest.reporting.domain.Funnel;
import org.urbaninvest.reporting.domain.ProjectState;

/**
 * The read side: every report reads the active generation in one read-only REPEATABLE READ transaction, so a
 * switch-over by a rebuild committing meanwhile cannot mix two generations in one answer. Reads touch the
 * totals of the zone (and its descendants) only: their cost depends on the number of zones, never on the
 * number of agreements or projects.
 */
@ApplicationScoped
public class ReportReads {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ProjectionStore store;

    /** One row of totals: {@code key} is a status, a measure or a category; {@code owner} a zone or month. */
    public record TotalRow(String owner, String key, String currency, long count, BigDecimal amount) {
    }

    public record ZoneTotals(List<TotalRow> projects, List<TotalRow> agreements) {
        static ZoneTotals empty() {
            return new ZoneTotals(new ArrayList<>(), new ArrayList<>());
        }
    }

    public record SeriesRow(LocalDate month, String currency, long count, BigDecimal amount) {
    }

    public record ZoneRow(String code, String name, String kind, String parentCode) {
    }

    public record ProgrammeRow(String code, String name, String zoneCode, long declaredCount,
            BigDecimal declaredAmount, String declaredCurrency) {
    }

    public record CategoryRow(String code, String name, long declaredCount, BigDecimal declaredAmount,
            String declaredCurrency) {
    }

    /**
     * A plan of a zone or of a zone beneath it: {@code path} lists the zones from the one asked for down to the plan's
     * zone's parent (empty for the zone's own plans); {@code snapshot} is the plan's newest snapshot.
     */
    public record PlanRow(String zoneCode, List<String> path, String snapshot) {
    }

    public interface Work<T> {
        T run(View view) throws SQLException;
    }

    /** Runs {@code work} against a consistent snapshot of the active generation. */
    public <T> T read(Work<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                }
                try (PreparedStatement query = connection.prepareStatement("""
                        SELECT g.generation, (SELECT max(c.as_of) FROM generation_clock c WHERE c.generation = g.generation)
                        FROM projection_generation g WHERE g.status = 'ACTIVE'""");
                        ResultSet rs = query.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no active projection generation");
                    }
                    Timestamp asOf = rs.getTimestamp(2);
                    return work.run(new View(connection, store, rs.getInt(1), asOf == null ? null : asOf.toInstant()));
                }
            }
        });
    }

    /** The active generation as one transaction sees it. */
    public static final class View {

        private static final String TREE = """
                WITH RECURSIVE tree(root, code) AS (
                    SELECT code, code FROM (%s) base
                    UNION
                    SELECT t.root, z.code FROM tree t
                    JOIN zone_view z ON z.generation = ? AND z.parent_code = t.code
                    WHERE ?
                )
                """;

        private final Connection connection;
        private final ProjectionStore store;
        private final int generation;
        private final Instant asOf;

        View(Connection connection, ProjectionStore store, int generation, Instant asOf) {
            this.connection = connection;
            this.store = store;
            this.generation = generation;
            this.asOf = asOf;
        }

        public int generation() {
            return generation;
        }

        /** The time of the newest event applied to this generation; {@code null} before any. */
        public Instant asOf() {
            return asOf;
        }

        /** The agreement with this id as the reports hold it, or {@code null}. */
        public AgreementState agreement(String id) throws SQLException {
            return store.findAgreements(connection, generation, List.of(id)).get(id);
        }

        /** The project with this code as the reports hold it, or {@code null}. */
        public ProjectState project(String code) throws SQLException {
            return store.findProjects(connection, generation, List.of(code)).get(code);
        }

        public boolean zoneExists(String code) throws SQLException {
            return exists("SELECT 1 FROM zone_view WHERE generation = ? AND code = ?", generation, code);
        }

        public long zoneCount() throws SQLException {
            try (PreparedStatement query = prepare("SELECT count(*) FROM zone_view WHERE generation = ?", generation);
                    ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /** One zone's totals, with or without its descendants' (the zone must exist). */
        public ZoneTotals zoneTotals(String code, boolean includeSubzones) throws SQLException {
            return zoneTotals(code, includeSubzones, null);
        }

        /** The same with the agreements as of the end of {@code day} ({@code null}: as they stand now). */
        public ZoneTotals zoneTotals(String code, boolean includeSubzones, LocalDate day) throws SQLException {
            return totals("SELECT code FROM zone_view WHERE generation = ? AND code = ?", includeSubzones, day,
                    generation, code).getOrDefault(code, ZoneTotals.empty());
        }

        /**
         * The totals of a page of zones in code order ({@code limit < 0}: all zones), keyed by zone code in
         * that order; zones with no figures map to empty totals.
         */
        public Map<String, ZoneTotals> zonesTotals(boolean includeSubzones, int offset, int limit, LocalDate day)
                throws SQLException {
            List<ZoneRow> zones = zones(offset, limit);
            Map<String, ZoneTotals> ordered = new LinkedHashMap<>();
            zones.forEach(zone -> ordered.put(zone.code(), ZoneTotals.empty()));
            if (zones.isEmpty()) {
                return ordered;
            }
            String base = "SELECT code FROM zone_view WHERE generation = ? ORDER BY code"
                    + (limit < 0 ? " OFFSET ?" : " LIMIT " + limit + " OFFSET ?");
            totals(base, includeSubzones, day, generation, offset).forEach(ordered::put);
            return ordered;
        }

        /** The totals of the given zones, keyed by zone code in the order given; unknown zones are left out. */
        public Map<String, ZoneTotals> zonesTotals(List<String> codes, boolean includeSubzones, LocalDate day)
                throws SQLException {
            Map<String, ZoneTotals> ordered = new LinkedHashMap<>();
            codes.forEach(code -> ordered.put(code, ZoneTotals.empty()));
            if (!codes.isEmpty()) {
                totals("SELECT code FROM zone_view WHERE generation = ? AND code = ANY (?)", includeSubzones, day,
                        generation, connection.createArrayOf("text", codes.toArray())).forEach(ordered::put);
            }
            return ordered;
        }

        /**
         * Agreements come from {@code zone_agreement_totals}, or as of a day from the rows of
         * {@code zone_agreement_days} up to it; projects are as they stand now either way.
         */
        private Map<String, ZoneTotals> totals(String base, boolean includeSubzones, LocalDate day,
                Object... baseParameters) throws SQLException {
            String agreements = day == null ? "zone_agreement_totals s ON s.generation = ? AND s.zone_code = t.code"
                    : "zone_agreement_days s ON s.generation = ? AND s.zone_code = t.code AND s.day <= ?";
            String sql = TREE.formatted(base) + """
                    SELECT t.root, 'p', s.status, s.currency, sum(s.count), sum(s.amount)
                    FROM tree t JOIN zone_project_totals s ON s.generation = ? AND s.zone_code = t.code
                    GROUP BY t.root, s.status, s.currency HAVING sum(s.count) <> 0 OR sum(s.amount) <> 0
                    UNION ALL
                    SELECT t.root, 'a', s.measure, s.currency, sum(s.count), sum(s.amount)
                    FROM tree t JOIN %s
                    GROUP BY t.root, s.measure, s.currency HAVING sum(s.count) <> 0 OR sum(s.amount) <> 0
                    ORDER BY 1, 2, 3, 4""".formatted(agreements);
            List<Object> parameters = new ArrayList<>(List.of(baseParameters));
            parameters.addAll(List.of(generation, includeSubzones, generation, generation));
            if (day != null) {
                parameters.add(java.sql.Date.valueOf(day));
            }
            Map<String, ZoneTotals> result = new LinkedHashMap<>();
            try (PreparedStatement query = prepare(sql, parameters.toArray()); ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ZoneTotals totals = result.computeIfAbsent(rs.getString(1), code -> ZoneTotals.empty());
                    TotalRow row = new TotalRow(rs.getString(1), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getBigDecimal(6));
                    ("p".equals(rs.getString(2)) ? totals.projects() : totals.agreements()).add(row);
                }
            }
            return result;
        }

        /**
         * The stage dates of the agreements of a zone (with or without its descendants), of investors of one kind
         * when {@code investorKind} is given (an agreement whose investor is not known yet has no kind).
         */
        public List<Funnel.Dates> agreementDates(String code, boolean includeSubzones, String investorKind)
                throws SQLException {
            String sql = TREE.formatted("SELECT code FROM zone_view WHERE generation = ? AND code = ?") + """
                    SELECT a.intended_on, a.signed_on, a.started_on, a.operational_on, a.withdrawn_on
                    FROM tree t JOIN agreement_view a ON a.generation = ? AND a.zone_code = t.code
                    LEFT JOIN investor_view i ON i.generation = a.generation AND i.id = a.investor_id
                    WHERE CAST(? AS TEXT) IS NULL OR i.kind = ?""";
            List<Funnel.Dates> rows = new ArrayList<>();
            try (PreparedStatement query = prepare(sql, generation, code, generation, includeSubzones, generation,
                    investorKind, investorKind); ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Funnel.Dates(localDate(rs, 1), localDate(rs, 2), localDate(rs, 3), localDate(rs, 4),
                            localDate(rs, 5)));
                }
            }
            return rows;
        }

        /** What the finding rules need of the agreements of a zone (with or without its descendants). */
        public List<FindingRule.AgreementFacts> agreementFacts(String code, boolean includeSubzones)
                throws SQLException {
            String sql = TREE.formatted("SELECT code FROM zone_view WHERE generation = ? AND code = ?") + """
                    SELECT a.id, a.zone_code, a.stage, a.intended_on, a.signed_on, a.started_on, a.signed_amount,
                           a.funds_in_place_currency, (d.item ->> 'amount')::numeric, (d.item ->> 'receivedOn')::date
                    FROM tree t JOIN agreement_view a ON a.generation = ? AND a.zone_code = t.code
                    LEFT JOIN LATERAL jsonb_array_elements(a.disbursements) d(item) ON true
                    ORDER BY a.id""";
            Map<String, FindingRule.AgreementFacts> facts = new LinkedHashMap<>();
            try (PreparedStatement query = prepare(sql, generation, code, generation, includeSubzones, generation);
                    ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String currency = rs.getString(8);
                    FindingRule.AgreementFacts agreement = facts.get(rs.getString(1));
                    if (agreement == null) { // one row per disbursement: the first one brings the agreement
                        agreement = new FindingRule.AgreementFacts(rs.getString(1), rs.getString(2), rs.getString(3),
                                localDate(rs, 4), localDate(rs, 5), localDate(rs, 6), rs.getBigDecimal(7), currency,
                                new ArrayList<>());
                        facts.put(agreement.id(), agreement);
                    }
                    BigDecimal amount = rs.getBigDecimal(9);
                    if (amount != null) {
                        agreement.disbursements().add(new AgreementState.Disbursement(new Money(amount, currency),
                                localDate(rs, 10)));
                    }
                }
            }
            return List.copyOf(facts.values());
        }

        /** The milestones of the non-cancelled projects of a zone (with or without its descendants). */
        public List<FindingRule.MilestoneFacts> milestoneFacts(String code, boolean includeSubzones)
                throws SQLException {
            String sql = TREE.formatted("SELECT code FROM zone_view WHERE generation = ? AND code = ?") + """
                    SELECT p.code, p.zone_code, m.item ->> 'code', (m.item ->> 'dueDate')::date,
                           (m.item ->> 'dateMet')::date, m.item ->> 'status'
                    FROM tree t JOIN project_view p ON p.generation = ? AND p.zone_code = t.code
                    CROSS JOIN LATERAL jsonb_array_elements(p.milestones) m(item)
                    WHERE p.status <> 'cancelled' ORDER BY p.code""";
            List<FindingRule.MilestoneFacts> rows = new ArrayList<>();
            try (PreparedStatement query = prepare(sql, generation, code, generation, includeSubzones, generation);
                    ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new FindingRule.MilestoneFacts(rs.getString(1), rs.getString(2),
                            new ProjectState.Milestone(rs.getString(3), localDate(rs, 4), localDate(rs, 5),
                                    rs.getString(6))));
                }
            }
            return rows;
        }

        /** The programmes of a zone (with or without its descendants): code, zone and publication day. */
        public List<ProgrammeRow> programmesOf(String code, boolean includeSubzones) throws SQLException {
            String sql = TREE.formatted("SELECT code FROM zone_view WHERE generation = ? AND code = ?") + """
                    SELECT p.code, p.name, p.zone_code, p.declared_count, p.declared_amount, p.declared_currency
                    FROM tree t JOIN programme_view p ON p.generation = ? AND p.zone_code = t.code ORDER BY p.code""";
            return programmes(sql, generation, code, generation, includeSubzones, generation);
        }

        public LocalDate publishedOn(String programmeCode) throws SQLException {
            try (PreparedStatement query = prepare("SELECT published_on FROM programme_view WHERE generation = ?"
                    + " AND code = ?", generation, programmeCode); ResultSet rs = query.executeQuery()) {
                return rs.next() ? localDate(rs, 1) : null;
            }
        }

        private static LocalDate localDate(ResultSet rs, int column) throws SQLException {
            java.sql.Date date = rs.getDate(column);
            return date == null ? null : date.toLocalDate();
        }

        /** A zone's time series by month for one metric, with or without its descendants. */
        public List<SeriesRow> series(String code, boolean includeSubzones, String metric) throws SQLException {
            String sql = TREE.formatted("SELECT code FROM zone_view WHERE generation = ? AND code = ?") + """
                    SELECT s.month, s.currency, sum(s.count), sum(s.amount)
                    FROM tree t JOIN zone_timeseries s ON s.generation = ? AND s.zone_code = t.code AND s.metric = ?
                    GROUP BY s.month, s.currency HAVING sum(s.count) <> 0 OR sum(s.amount) <> 0
                    ORDER BY s.month, s.currency""";
            List<SeriesRow> rows = new ArrayList<>();
            try (PreparedStatement query = prepare(sql, generation, code, generation, includeSubzones, generation,
                    metric); ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new SeriesRow(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getLong(3),
                            rs.getBigDecimal(4)));
                }
            }
            return rows;
        }

        /** The plans of a zone and of every zone beneath it, in plan-code order (see {@link PlanRow}). */
        public List<PlanRow> plans(String code) throws SQLException {
            String sql = """
                    WITH RECURSIVE tree(code, path) AS (
                        SELECT code, ARRAY[]::text[] FROM zone_view WHERE generation = ? AND code = ?
                        UNION ALL
                        SELECT z.code, t.path || t.code FROM tree t
                        JOIN zone_view z ON z.generation = ? AND z.parent_code = t.code
                        WHERE NOT z.code = ANY (t.path || t.code)
                    )
                    SELECT p.zone_code, t.path, p.snapshot::text
                    FROM tree t JOIN plan_view p ON p.generation = ? AND p.zone_code = t.code ORDER BY p.code""";
            List<PlanRow> rows = new ArrayList<>();
            try (PreparedStatement query = prepare(sql, generation, code, generation, generation);
                    ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PlanRow(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()),
                            rs.getString(3)));
                }
            }
            return rows;
        }

        /** Known zones in code order ({@code limit < 0}: all). */
        public List<ZoneRow> zones(int offset, int limit) throws SQLException {
            String sql = "SELECT code, name, kind, parent_code FROM zone_view WHERE generation = ? ORDER BY code"
                    + (limit < 0 ? " OFFSET ?" : " LIMIT " + limit + " OFFSET ?");
            List<ZoneRow> zones = new ArrayList<>();
            try (PreparedStatement query = prepare(sql, generation, offset); ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    zones.add(new ZoneRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return zones;
        }

        /** The zone and its ancestors that are known, nearest first. */
        public List<String> selfAndAncestors(List<String> codes) throws SQLException {
            String sql = """
                    WITH RECURSIVE up(code, parent_code) AS (
                        SELECT code, parent_code FROM zone_view WHERE generation = ? AND code = ANY (?)
                        UNION
                        SELECT z.code, z.parent_code FROM up u
                        JOIN zone_view z ON z.generation = ? AND z.code = u.parent_code
                    )
                    SELECT DISTINCT code FROM up ORDER BY code""";
            List<String> result = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setInt(1, generation);
                query.setArray(2, connection.createArrayOf("text", codes.toArray()));
                query.setInt(3, generation);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        result.add(rs.getString(1));
                    }
                }
            }
            return result;
        }

        /** The given zones that are known and every zone below them. */
        public List<String> selfAndDescendants(Collection<String> codes) throws SQLException {
            String sql = TREE.formatted("SELECT code FROM zone_view WHERE generation = ? AND code = ANY (?)")
                    + "SELECT DISTINCT code FROM tree ORDER BY code";
            List<String> result = new ArrayList<>();
            try (PreparedStatement query = prepare(sql, generation, connection.createArrayOf("text", codes.toArray()),
                    generation, true); ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
            return result;
        }

        public List<ProgrammeRow> programmes() throws SQLException {
            return programmes("SELECT code, name, zone_code, declared_count, declared_amount, declared_currency"
                    + " FROM programme_view WHERE generation = ? ORDER BY code", generation);
        }

        public ProgrammeRow programme(String code) throws SQLException {
            List<ProgrammeRow> rows = programmes("SELECT code, name, zone_code, declared_count, declared_amount,"
                    + " declared_currency FROM programme_view WHERE generation = ? AND code = ?", generation, code);
            return rows.isEmpty() ? null : rows.get(0);
        }

        private List<ProgrammeRow> programmes(String sql, Object... parameters) throws SQLException {
            List<ProgrammeRow> rows = new ArrayList<>();
            try (PreparedStatement query = prepare(sql, parameters); ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ProgrammeRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getBigDecimal(5), rs.getString(6)));
                }
            }
            return rows;
        }

        public List<CategoryRow> categories(String programmeCode) throws SQLException {
            List<CategoryRow> rows = new ArrayList<>();
            try (PreparedStatement query = prepare("""
                    SELECT code, name, declared_count, declared_amount, declared_currency FROM programme_category_view
                    WHERE generation = ? AND programme_code = ? ORDER BY position""", generation, programmeCode);
                    ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new CategoryRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4),
                            rs.getString(5)));
                }
            }
            return rows;
        }

        /** Registered totals of a programme per category ({@code ""}: projects naming no category). */
        public List<TotalRow> programmeTotals(String programmeCode) throws SQLException {
            List<TotalRow> rows = new ArrayList<>();
            try (PreparedStatement query = prepare("""
                    SELECT category_code, currency, count, amount FROM programme_category_totals
                    WHERE generation = ? AND programme_code = ? AND (count <> 0 OR amount <> 0)
                    ORDER BY category_code, currency""", generation, programmeCode);
                    ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new TotalRow(programmeCode, rs.getString(1), rs.getString(2), rs.getLong(3),
                            rs.getBigDecimal(4)));
                }
            }
            return rows;
        }

        private boolean exists(String sql, Object... parameters) throws SQLException {
            try (PreparedStatement query = prepare(sql, parameters); ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }

        private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        }
    }
}
