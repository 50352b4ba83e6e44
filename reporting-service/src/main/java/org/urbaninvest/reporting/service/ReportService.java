package org.urbaninvest.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.platform.money.MoneyTotals;
import org.urbaninvest.platform.paging.Page;
import org.urbaninvest.platform.problem.ProblemException;
import org.urbaninvest.platform.security.ZoneScope;
import org.urbaninvest.platform.time.Clock;
import org.urbaninvest.reporting.config.ReportingConfig;
import org.urbaninvest.reporting.domain.AgreementReport;
import org.urbaninvest.reporting.domain.AgreementState;
import org.urbaninvest.reporting.domain.Catalogue;
import org.urbaninvest.reporting.domain.Finding;
import org.urbaninvest.reporting.domain.FindingRule;
import org.urbaninvest.reporting.domain.Findings;
import org.urbaninvest.reporting.domain.Funnel;
import org.urbaninvest.reporting.domain.InvestorKind;
import org.urbaninvest.reporting.domain.NamedZoneReport;
import org.urbaninvest.reporting.domain.Plan;
import org.urbaninvest.reporting.domain.PlanReport;
import org.urbaninvest.reporting.domain.ProgrammeReport;
import org.urbaninvest.reporting.domain.ProjectReport;
import org.urbaninvest.reporting.domain.ProjectState;
import org.urbaninvest.reporting.domain.SeriesInterval;
import org.urbaninvest.reporting.domain.SeriesMetric;
import org.urbaninvest.reporting.domain.TimeseriesPoint;
import org.urbaninvest.reporting.domain.ZoneReport;
import org.urbaninvest.reporting.mapping.ReportMapper;
import org.urbaninvest.reporting.mapping.States;
import org.urbaninvest.reporting.repository.ReportCache;
import org.urbaninvest.reporting.repository.ReportReads;
import org.urbaninvest.reporting.repository.ReportReads.TotalRow;

/** The reports, each read from one consistent snapshot of the active projections. */
@ApplicationScoped
public class ReportService {

    /** The earliest day a report may be read as of: the suite's data starts long after it. */
    public static final LocalDate EARLIEST_DAY = LocalDate.of(1990, 1, 1);
    private static final String AS_OF = "asOf";

    @Inject
    ReportReads reads;

    @Inject
    ReportCache cache;

    @Inject
    Clock clock;

    @Inject
    ReportingConfig config;

    @Inject
    ZoneScope scope;

    @Inject
    ObjectMapper json;

    /** A zone's report, its agreements as of the end of {@code day} ({@code null}: as they stand now). */
    public ZoneReport zone(String code, boolean includeSubzones, LocalDate day) {
        requireReport(code);
        Supplier<ZoneReport> read = () -> reads.read(view -> {
            requireZone(view, code);
            return ReportMapper.zoneReport(code, view.asOf(), day, view.zoneTotals(code, includeSubzones, day));
        });
        // the report as things stand now is what is asked most, and the same for every caller allowed to see it
        return day == null ? cache.get(new ZoneReportKey(code, includeSubzones), read) : read.get();
    }

    /**
     * The zone's report as things stand, as its JSON, when it can be answered without reading anything, else
     * {@code null}: it is held in memory and the caller's token is not limited to zones (a limited one needs the
     * zone tree, read from the database, to know whether it may see it). A held report is written once and its bytes
     * held beside it, dropped with it. Never blocks: the resource answers it on the I/O thread.
     */
    public byte[] heldZoneJson(String code, boolean includeSubzones) {
        if (!scope.unscoped()) {
            return null;
        }
        ZoneReportKey key = new ZoneReportKey(code, includeSubzones);
        // the held report is looked up inside the read, so the bytes are held only if no change came after it
        return cache.get(new ZoneReportJsonKey(key), () -> {
            ZoneReport held = cache.held(key);
            return held == null ? null : write(held);
        });
    }

    private byte[] write(ZoneReport report) {
        try {
            return json.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a zone report cannot be written: " + e.getMessage(), e);
        }
    }

    /** What a zone report held in memory is held under. */
    public record ZoneReportKey(String code, boolean includeSubzones) {
    }

    /** What a held zone report's JSON is held under. */
    record ZoneReportJsonKey(ZoneReportKey report) {
    }

    /**
     * The funnel and ageing of a zone's agreements as of the end of {@code day}, of one investor kind or all
     * ({@code null}).
     */
    public Funnel funnel(String code, boolean includeSubzones, InvestorKind investorKind, LocalDate day) {
        requireReport(code);
        String kind = investorKind == null ? null : investorKind.name();
        return reads.read(view -> {
            requireZone(view, code);
            return Funnel.of(code, view.asOf(), day, includeSubzones, kind,
                    view.agreementDates(code, includeSubzones, kind));
        });
    }

    /**
     * The zone's own plans on {@code asOfDay} ({@code null}: today, with the agreements as they stand now): each
     * indicator's latest actual by then, its progress towards each target, whether it is on track for the next one,
     * and for a {@code SUM} indicator the roll-up of the same indicator (code and unit) in the plans of the zones
     * beneath: in each branch the nearest zone whose plans have it, one plan per zone (the one with the newest actual).
     */
    public PlanReport plans(String code, LocalDate asOfDay) {
        requireReport(code);
        LocalDate day = asOfDay == null ? today() : asOfDay;
        return reads.read(view -> {
            requireZone(view, code);
            List<ReportReads.PlanRow> rows = view.plans(code);
            List<Plan> plans = new ArrayList<>();
            for (ReportReads.PlanRow row : rows) {
                plans.add(plan(row.snapshot()));
            }
            Map<String, ZoneReport> figures = new HashMap<>();
            List<PlanReport.PlanStatus> own = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (!rows.get(i).path().isEmpty()) {
                    continue;
                }
                Plan plan = plans.get(i);
                List<PlanReport.IndicatorStatus> indicators = new ArrayList<>();
                for (Plan.Indicator indicator : plan.indicators()) {
                    List<PlanReport.Part> rollUp = indicator.sums()
                            ? rollUp(view, rows, plans, indicator, asOfDay, day, figures) : List.of();
                    indicators.add(PlanReport.indicator(indicator,
                            actual(view, plan.zoneCode(), indicator, asOfDay, day, figures), rollUp, day));
                }
                own.add(new PlanReport.PlanStatus(plan.code(), plan.zoneCode(), plan.title(), plan.source(),
                        plan.period(), plan.version(), indicators));
            }
            return new PlanReport(code, view.asOf(), asOfDay, own);
        });
    }

    private Plan plan(String snapshot) {
        try {
            JsonNode node = json.readTree(snapshot);
            return States.plan(node.path("code").asText(), node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored plan snapshot is not JSON", e);
        }
    }

    /** The parts of a SUM indicator's roll-up: see {@link #plans}. */
    private static List<PlanReport.Part> rollUp(ReportReads.View view, List<ReportReads.PlanRow> rows,
            List<Plan> plans, Plan.Indicator indicator, LocalDate asOfDay, LocalDate day,
            Map<String, ZoneReport> figures) throws SQLException {
        Map<Integer, Plan.Indicator> candidates = new LinkedHashMap<>();
        Set<String> zones = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).path().isEmpty()) {
                continue;
            }
            for (Plan.Indicator other : plans.get(i).indicators()) {
                if (other.sums() && other.code().equals(indicator.code()) && other.unit().equals(indicator.unit())) {
                    candidates.put(i, other);
                    zones.add(rows.get(i).zoneCode());
                    break;
                }
            }
        }
        Map<String, PlanReport.Part> byZone = new TreeMap<>();
        for (Map.Entry<Integer, Plan.Indicator> candidate : candidates.entrySet()) {
            ReportReads.PlanRow row = rows.get(candidate.getKey());
            List<String> between = row.path().subList(1, row.path().size());
            if (between.stream().anyMatch(zones::contains)) {
                continue; // a zone above it (beneath the one asked for) has the indicator: its plan stands for it
            }
            Plan plan = plans.get(candidate.getKey());
            PlanReport.Figure figure = actual(view, row.zoneCode(), candidate.getValue(), asOfDay, day, figures);
            PlanReport.Part held = byZone.get(row.zoneCode());
            if (held == null || newer(figure, held.figure())) {
                byZone.put(row.zoneCode(), new PlanReport.Part(plan.code(), row.zoneCode(), figure));
            }
        }
        return List.copyOf(byZone.values());
    }

    private static boolean newer(PlanReport.Figure figure, PlanReport.Figure than) {
        return figure != null && (than == null || figure.date().isAfter(than.date()));
    }

    /**
     * An indicator's latest actual on {@code day}: its latest observation by then, or for a derived indicator the
     * zone's figure (with its subzones) in the indicator's currency, as of {@code asOfDay} (null: now).
     */
    private static PlanReport.Figure actual(ReportReads.View view, String zone, Plan.Indicator indicator,
            LocalDate asOfDay, LocalDate day, Map<String, ZoneReport> figures) throws SQLException {
        if (indicator.derivedFrom() == null) {
            Plan.Observation observation = indicator.latestObservation(day);
            return observation == null ? null
                    : new PlanReport.Figure(observation.value(), observation.date(), observation.source());
        }
        ZoneReport report = figures.get(zone);
        if (report == null) {
            report = ReportMapper.zoneReport(zone, view.asOf(), asOfDay, view.zoneTotals(zone, true, asOfDay));
            figures.put(zone, report);
        }
        MoneyTotals totals = switch (indicator.derivedFrom()) {
            case "signed-investment" -> report.agreements().signed().amount();
            case "funds-in-place" -> report.agreements().fundsInPlace();
            case "registered-investment" -> report.projects().estimatedInvestment();
            default -> throw new IllegalStateException("no figure for " + indicator.derivedFrom());
        };
        return new PlanReport.Figure(totals.get(indicator.unit()), day, null);
    }

    /** Today, by the service's clock (UTC): the latest day a report may be read as of, and the funnel's default. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
    }

    /**
     * The {@code asOf} parameter: {@code null} when absent, else an ISO date from {@link #EARLIEST_DAY} to today;
     * anything else is refused with a 400.
     */
    public LocalDate asOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(AS_OF, "must be a date YYYY-MM-DD");
        }
        if (day.isBefore(EARLIEST_DAY)) {
            throw ProblemException.badRequest(AS_OF, "must be " + EARLIEST_DAY + " or later");
        }
        LocalDate today = today();
        if (day.isAfter(today)) {
            throw ProblemException.badRequest(AS_OF, "must not be after today (" + today + ")");
        }
        return day;
    }

    /**
     * A zone-scoped caller reads the reports of its zones and those beneath them; an ancestor's roll-up includes other
     * areas (403), any other zone is unknown to it (404).
     */
    private void requireReport(String code) {
        scope.requireReport(code, noZone(code));
    }

    private static String noZone(String code) {
        return "no zone '" + code + "' is known to the reports";
    }

    private static void requireZone(ReportReads.View view, String code) throws SQLException {
        if (!view.zoneExists(code)) {
            throw ProblemException.notFound(noZone(code));
        }
    }

    /**
     * The reports (with subzones) of the known zones among {@code changed} and of their ancestors, whose
     * roll-ups include them: what zone-summaries.v1 publishes after those zones changed.
     */
    public Map<String, ZoneReport> summaries(List<String> changed) {
        return reads.read(view -> {
            Map<String, ZoneReport> reports = new LinkedHashMap<>();
            for (String code : view.selfAndAncestors(changed)) {
                reports.put(code, ReportMapper.zoneReport(code, view.asOf(), view.zoneTotals(code, true)));
            }
            return reports;
        });
    }

    public Page<ZoneReport> zones(boolean includeSubzones, int page, int size, LocalDate day) {
        Set<String> visible = scope.visibleZones().orElse(null);
        if (visible != null) {
            List<String> codes = visible.stream().sorted().skip((long) page * size).limit(size).toList();
            return reads.read(view -> {
                List<ZoneReport> items = new ArrayList<>();
                view.zonesTotals(codes, includeSubzones, day).forEach(
                        (code, totals) -> items.add(ReportMapper.zoneReport(code, view.asOf(), day, totals)));
                return new Page<>(items, page, size, visible.size());
            });
        }
        return reads.read(view -> {
            List<ZoneReport> items = new ArrayList<>();
            view.zonesTotals(includeSubzones, page * size, size, day)
                    .forEach((code, totals) -> items.add(ReportMapper.zoneReport(code, view.asOf(), day, totals)));
            return new Page<>(items, page, size, view.zoneCount());
        });
    }

    /** Every zone's report with the zone's name, for the CSV export. */
    public List<NamedZoneReport> allZones(boolean includeSubzones, LocalDate day) {
        Set<String> visible = scope.visibleZones().orElse(null);
        return reads.read(view -> {
            Map<String, String> names = view.zones(0, -1).stream()
                    .collect(Collectors.toMap(ReportReads.ZoneRow::code, ReportReads.ZoneRow::name));
            List<NamedZoneReport> items = new ArrayList<>();
            view.zonesTotals(includeSubzones, 0, -1, day).forEach((code, totals) -> {
                if (visible == null || visible.contains(code)) {
                    items.add(new NamedZoneReport(names.get(code),
                            ReportMapper.zoneReport(code, view.asOf(), day, totals)));
                }
            });
            return items;
        });
    }

    public List<TimeseriesPoint> timeseries(String code, boolean includeSubzones, SeriesMetric metric, SeriesInterval interval) {
        requireReport(code);
        return reads.read(view -> {
            requireZone(view, code);
            Map<String, TimeseriesPoint> points = new LinkedHashMap<>();
            for (ReportReads.SeriesRow row : view.series(code, includeSubzones, metric.stored())) {
                String period = interval.period(row.month());
                TimeseriesPoint point = points.getOrDefault(period, new TimeseriesPoint(period, 0, MoneyTotals.empty()));
                points.put(period, new TimeseriesPoint(period, point.count() + row.count(),
                        point.amount().add(row.currency(), row.amount())));
            }
            return List.copyOf(points.values());
        });
    }

    public ProgrammeReport programme(String code) {
        return reads.read(view -> {
            ReportReads.ProgrammeRow programme = view.programme(code);
            if (programme == null) {
                throw ProblemException.notFound("no programme '" + code + "' is known to the reports");
            }
            scope.requireReadable(programme.zoneCode(), "no programme '" + code + "' is known to the reports");
            return programmeReport(view, programme);
        });
    }

    private static ProgrammeReport programmeReport(ReportReads.View view, ReportReads.ProgrammeRow programme)
            throws SQLException {
        String code = programme.code();
        List<TotalRow> totals = view.programmeTotals(code);
        ProgrammeReport.Declared declared = new ProgrammeReport.Declared(programme.declaredCount(),
                new Money(programme.declaredAmount(), programme.declaredCurrency()));
        ProgrammeReport.Registered registered = ReportMapper.registered(totals);
        List<ProgrammeReport.Category> categories = new ArrayList<>();
        for (ReportReads.CategoryRow category : view.categories(code)) {
            ProgrammeReport.Declared categoryDeclared = new ProgrammeReport.Declared(category.declaredCount(),
                    new Money(category.declaredAmount(), category.declaredCurrency()));
            ProgrammeReport.Registered categoryRegistered = ReportMapper.registered(
                    totals.stream().filter(row -> row.key().equals(category.code())).toList());
            categories.add(new ProgrammeReport.Category(category.code(), category.name(), categoryDeclared,
                    categoryRegistered, ProgrammeReport.matches(categoryDeclared, categoryRegistered)));
        }
        return new ProgrammeReport(code, view.asOf(), declared, registered,
                ProgrammeReport.matches(declared, registered), categories);
    }

    /** An agreement as the reports hold it, with the findings on it today; 404 when unknown or outside the token's zones. */
    public AgreementReport agreement(String id) {
        String unknown = "no agreement '" + id + "' is known to the reports";
        LocalDate day = today();
        return reads.read(view -> {
            AgreementState agreement = view.agreement(id);
            if (agreement == null) {
                throw ProblemException.notFound(unknown);
            }
            scope.requireReadable(agreement.zoneCode(), unknown);
            return new AgreementReport(view.asOf(), day, agreement, findings(view, agreement.zoneCode(), false, day)
                    .stream().filter(f -> f.subject().equals(Finding.Subject.agreement(id))).toList());
        });
    }

    /** A project as the reports hold it, with the findings on it today; 404 when unknown or outside the token's zones. */
    public ProjectReport project(String code) {
        String unknown = "no project '" + code + "' is known to the reports";
        LocalDate day = today();
        return reads.read(view -> {
            ProjectState project = view.project(code);
            if (project == null) {
                throw ProblemException.notFound(unknown);
            }
            scope.requireReadable(project.zoneCode(), unknown);
            return new ProjectReport(view.asOf(), day, project, findings(view, project.zoneCode(), false, day)
                    .stream().filter(f -> f.subject().equals(Finding.Subject.project(code))).toList());
        });
    }

    /**
     * A page of the findings of a zone's agreements and programmes today (by the service's clock), of one rule or
     * all ({@code null}), with the counts per rule over all of them.
     */
    public Findings findings(String code, boolean includeSubzones, FindingRule rule, int page, int size) {
        LocalDate day = today();
        requireReport(code);
        return reads.read(view -> {
            requireZone(view, code);
            List<Finding> all = findings(view, code, includeSubzones, day);
            Map<String, Long> counts = FindingRule.counts(all);
            List<Finding> selected = rule == null ? all
                    : all.stream().filter(f -> f.rule().equals(rule.value())).toList();
            List<Finding> items = selected.stream().skip((long) page * size).limit(size).toList();
            return new Findings(code, view.asOf(), day, counts, items, page, size, selected.size());
        });
    }

    /**
     * The findings of each of {@code zones}' own records (not its subzones') on {@code day}, read from one snapshot:
     * what zone-findings.v1 publishes. A zone not known (yet) has none.
     */
    public Map<String, List<Finding>> ownFindings(Collection<String> zones, LocalDate day) {
        return reads.read(view -> {
            Map<String, List<Finding>> findings = new LinkedHashMap<>();
            for (String code : zones) {
                findings.put(code, findings(view, code, false, day));
            }
            return findings;
        });
    }

    private List<Finding> findings(ReportReads.View view, String code, boolean includeSubzones, LocalDate day)
            throws SQLException {
        FindingRule.Thresholds thresholds = new FindingRule.Thresholds(config.findings().intentionStaleDays(),
                config.findings().signedNotStartedDays(), config.findings().noFundsDays());
        List<FindingRule.ListFacts> lists = new ArrayList<>();
        for (ReportReads.ProgrammeRow programme : view.programmesOf(code, includeSubzones)) {
            ProgrammeReport report = programmeReport(view, programme);
            LocalDate publishedOn = view.publishedOn(programme.code());
            lists.add(new FindingRule.ListFacts(programme.code(), programme.zoneCode(), publishedOn, null,
                    report.declared(), report.registered()));
            for (ProgrammeReport.Category category : report.categories()) {
                lists.add(new FindingRule.ListFacts(programme.code(), programme.zoneCode(), publishedOn,
                        category.code(), category.declared(), category.registered()));
            }
        }
        return FindingRule.evaluate(view.agreementFacts(code, includeSubzones),
                view.milestoneFacts(code, includeSubzones), lists, day, thresholds);
    }

    public Catalogue catalogue() {
        Set<String> visible = scope.visibleZones().orElse(null);
        return reads.read(view -> new Catalogue(view.asOf(),
                view.zones(0, -1).stream()
                        .filter(zone -> visible == null || visible.contains(zone.code()))
                        .map(zone -> new Catalogue.Zone(zone.code(), zone.name(), zone.kind(), zone.parentCode()))
                        .toList(),
                view.programmes().stream()
                        .filter(programme -> visible == null || visible.contains(programme.zoneCode()))
                        .map(programme -> new Catalogue.Programme(programme.code(), programme.name(),
                                programme.zoneCode()))
                        .toList()));
    }
}
