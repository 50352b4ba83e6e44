package org.urbaninvest.systemtests.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a test sent, and the figures the reports must show for it, computed here from SYSTEM.md §6 alone (never
 * from what a service answers). Every method is synchronized: concurrent writers of a test record into one ledger.
 * The figures come out in the normalised shape of {@link Figures}, so that they compare with a report as maps.
 */
public final class Ledger {

    public static final List<String> STATUSES = List.of("identification", "preparation", "implementation",
            "completion", "maintenance", "decommissioning", "decommissioned", "cancelled");
    public static final Set<String> INTENDED_SET = Set.of("INTENDED", "SIGNED", "STARTED", "OPERATIONAL");
    public static final Set<String> SIGNED_SET = Set.of("SIGNED", "STARTED", "OPERATIONAL");
    public static final Set<String> STARTED_SET = Set.of("STARTED", "OPERATIONAL");

    private final Map<String, String> parents = new LinkedHashMap<>();
    private final Map<String, Programme> programmes = new LinkedHashMap<>();
    private final Map<String, Project> projects = new LinkedHashMap<>();
    private final Map<String, Agreement> agreements = new LinkedHashMap<>();

    public record Category(String code, String name, int declaredCount, Money declared) {
    }

    public record Programme(String code, String zone, int declaredCount, Money declared, List<Category> categories) {
    }

    public static final class Project {
        final String code;
        final String zone;
        final String programme;
        final String category;
        final Money estimated;
        String status;

        Project(String code, String zone, String programme, String category, String status, Money estimated) {
            this.code = code;
            this.zone = zone;
            this.programme = programme;
            this.category = category;
            this.status = status;
            this.estimated = estimated;
        }
    }

    public record Disbursement(Money amount, LocalDate receivedOn) {
    }

    /** An agreement as the test made it: stage, amounts, dates, disbursements, and its latest version. */
    public static final class Agreement {
        final String id;
        final String project;
        final String zone;
        String stage = "INTENDED";
        Money intended;
        LocalDate intendedOn;
        Money signed;
        LocalDate signedOn;
        final List<Disbursement> disbursements = new ArrayList<>();
        long version = 1;
        /** The amounts as first recorded (at intention, at signing) and the amendments since: the revisions. */
        final Money firstIntended;
        Money firstSigned;
        long amendments;

        Agreement(String id, String project, String zone, Money intended, LocalDate intendedOn) {
            this.id = id;
            this.project = project;
            this.zone = zone;
            this.intended = intended;
            this.intendedOn = intendedOn;
            this.firstIntended = intended;
        }

        public String id() {
            return id;
        }

        public String stage() {
            return stage;
        }

        public Money intended() {
            return intended;
        }

        public Money signed() {
            return signed;
        }

        public long version() {
            return version;
        }

        public List<Disbursement> disbursements() {
            return List.copyOf(disbursements);
        }

        /** The sum of the disbursements, in the signed currency (0.00 in the intended one before signing). */
        public Money fundsInPlace() {
            String currency = signed != null ? signed.currency() : intended.currency();
            BigDecimal sum = disbursements.stream().map(d -> d.amount().amount()).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            return new Money(sum, currency);
        }
    }

    // ---- recording what was sent and accepted ----

    public synchronized void zone(String code, String parent) {
        parents.put(code, parent);
    }

    public synchronized void programme(Programme programme) {
        programmes.put(programme.code(), programme);
    }

    public synchronized void project(String code, String zone, String programme, String category, String status,
            Money estimated) {
        projects.put(code, new Project(code, zone, programme, category, status, estimated));
    }

    public synchronized void projectStatus(String code, String status) {
        project(code).status = status;
    }

    public synchronized Agreement intended(String id, String projectCode, Money amount, LocalDate on) {
        Agreement agreement = new Agreement(id, projectCode, project(projectCode).zone, amount, on);
        agreements.put(id, agreement);
        return agreement;
    }

    public synchronized void signed(String id, Money amount, LocalDate on) {
        Agreement agreement = agreement(id);
        agreement.stage = "SIGNED";
        agreement.signed = amount;
        agreement.firstSigned = amount;
        agreement.signedOn = on;
        agreement.version++;
    }

    public synchronized void moved(String id, String stage) {
        Agreement agreement = agreement(id);
        agreement.stage = stage;
        agreement.version++;
    }

    /** An amendment: each amount given replaces the current one. */
    public synchronized void amended(String id, Money intended, Money signed) {
        Agreement agreement = agreement(id);
        if (intended != null) {
            agreement.intended = intended;
        }
        if (signed != null) {
            agreement.signed = signed;
        }
        agreement.amendments++;
        agreement.version++;
    }

    public synchronized void disbursed(String id, Money amount, LocalDate on) {
        Agreement agreement = agreement(id);
        agreement.disbursements.add(new Disbursement(amount, on));
        agreement.version++;
    }

    public synchronized Agreement agreement(String id) {
        Agreement agreement = agreements.get(id);
        if (agreement == null) {
            throw new IllegalArgumentException("no agreement " + id + " in the ledger");
        }
        return agreement;
    }

    public synchronized List<Agreement> agreements() {
        return List.copyOf(agreements.values());
    }

    public synchronized Set<String> zones() {
        return new LinkedHashSet<>(parents.keySet());
    }

    private Project project(String code) {
        Project project = projects.get(code);
        if (project == null) {
            throw new IllegalArgumentException("no project " + code + " in the ledger");
        }
        return project;
    }

    // ---- the figures SYSTEM.md §6 defines ----

    /** The zone report's figures, in {@link Figures#zone}'s shape. */
    public synchronized Map<String, Object> zoneFigures(String zone, boolean includeSubzones) {
        Set<String> zones = includeSubzones ? subtree(zone) : Set.of(zone);

        Map<String, Object> byStatus = new LinkedHashMap<>();
        STATUSES.forEach(status -> byStatus.put(status, 0L));
        long projectCount = 0;
        Totals estimated = new Totals();
        for (Project project : projects.values()) {
            if (zones.contains(project.zone)) {
                byStatus.merge(project.status, 1L, (a, b) -> (Long) a + (Long) b);
                if (!"cancelled".equals(project.status)) {
                    projectCount++;
                    estimated.add(project.estimated);
                }
            }
        }

        Measure intended = new Measure();
        Measure signed = new Measure();
        Measure started = new Measure();
        Measure operational = new Measure();
        Measure withdrawn = new Measure();
        Totals funds = new Totals();
        for (Agreement a : agreements.values()) {
            if (!zones.contains(a.zone)) {
                continue;
            }
            if (INTENDED_SET.contains(a.stage)) {
                intended.add(a.intended);
            }
            if (SIGNED_SET.contains(a.stage)) {
                signed.add(a.signed);
                funds.add(a.fundsInPlace());
            }
            if (STARTED_SET.contains(a.stage)) {
                started.add(a.signed);
            }
            if ("OPERATIONAL".equals(a.stage)) {
                operational.add(a.signed);
            }
            if ("WITHDRAWN".equals(a.stage)) {
                withdrawn.add(a.intended);
            }
        }

        Map<String, Object> projectsFigures = new LinkedHashMap<>();
        projectsFigures.put("count", projectCount);
        projectsFigures.put("estimatedInvestment", estimated.json());
        projectsFigures.put("byStatus", byStatus);

        Map<String, Object> agreementFigures = new LinkedHashMap<>();
        agreementFigures.put("intended", intended.json());
        agreementFigures.put("signed", signed.json());
        agreementFigures.put("started", started.json());
        agreementFigures.put("operational", operational.json());
        agreementFigures.put("withdrawn", withdrawn.json());
        agreementFigures.put("fundsInPlace", funds.json());

        Map<String, Object> rates = new LinkedHashMap<>();
        rates.put("signingByCount", ratio(signed.count, intended.count));
        rates.put("signingByAmount", ratios(signed.amounts, intended.amounts));
        rates.put("startByCount", ratio(started.count, signed.count));
        rates.put("operationalByCount", ratio(operational.count, signed.count));
        rates.put("fundsInPlaceByAmount", ratios(funds, signed.amounts));

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("zone", zone);
        figures.put("projects", projectsFigures);
        figures.put("agreements", agreementFigures);
        figures.put("rates", rates);
        return figures;
    }

    /**
     * The zone report's {@code revisions}, in {@link Figures#revisions}'s shape: over the intended set, the intended
     * amounts as first recorded and as now, and the amendments in the intended amount's currency; over the signed
     * set, the signed amounts as first recorded (at signing) and as now.
     */
    public synchronized Map<String, Object> revisions(String zone, boolean includeSubzones) {
        Set<String> zones = includeSubzones ? subtree(zone) : Set.of(zone);
        Totals intendedFirst = new Totals();
        Totals intendedNow = new Totals();
        Totals signedFirst = new Totals();
        Totals signedNow = new Totals();
        Map<String, Object> amendments = new TreeMap<>();
        for (Agreement a : agreements.values()) {
            if (!zones.contains(a.zone)) {
                continue;
            }
            if (INTENDED_SET.contains(a.stage)) {
                intendedFirst.add(a.firstIntended);
                intendedNow.add(a.intended);
                if (a.amendments > 0) {
                    amendments.merge(a.intended.currency(), a.amendments, (x, y) -> (Long) x + (Long) y);
                }
            }
            if (SIGNED_SET.contains(a.stage)) {
                signedFirst.add(a.firstSigned);
                signedNow.add(a.signed);
            }
        }
        Map<String, Object> revisions = new LinkedHashMap<>();
        revisions.put("intended", revision(intendedFirst, intendedNow));
        revisions.put("signed", revision(signedFirst, signedNow));
        revisions.put("amendments", amendments);
        return revisions;
    }

    /** Original vs amended: the totals as first recorded, as now, and the difference (zeros left out). */
    private static Map<String, Object> revision(Totals original, Totals current) {
        Totals change = new Totals();
        current.byCurrency.forEach((currency, amount) -> change.add(new Money(amount, currency)));
        original.byCurrency.forEach((currency, amount) -> change.add(new Money(amount.negate(), currency)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("original", original.json());
        json.put("current", current.json());
        json.put("change", change.json());
        return json;
    }

    /** The programme report's figures, in {@link Figures#programme}'s shape. */
    public synchronized Map<String, Object> programmeFigures(String code) {
        Programme programme = programmes.get(code);
        if (programme == null) {
            throw new IllegalArgumentException("no programme " + code + " in the ledger");
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("programme", code);
        figures.put("declared", declared(programme.declaredCount(), programme.declared()));
        Registered all = registered(code, null);
        figures.put("registered", all.json());
        figures.put("matches", all.matches(programme.declaredCount(), programme.declared()));
        Map<String, Object> categories = new TreeMap<>();
        for (Category category : programme.categories()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", category.name());
            c.put("declared", declared(category.declaredCount(), category.declared()));
            Registered registered = registered(code, category.code());
            c.put("registered", registered.json());
            c.put("matches", registered.matches(category.declaredCount(), category.declared()));
            categories.put(category.code(), c);
        }
        figures.put("categories", categories);
        return figures;
    }

    /** The zone's time series, in {@link Figures#timeseries}'s shape: one point per period, oldest first. */
    public synchronized List<Map<String, Object>> timeseries(String zone, boolean includeSubzones, String metric,
            String interval) {
        Set<String> zones = includeSubzones ? subtree(zone) : Set.of(zone);
        TreeMap<String, Measure> points = new TreeMap<>();
        for (Agreement a : agreements.values()) {
            if (!zones.contains(a.zone)) {
                continue;
            }
            switch (metric) {
                case "intended" -> {
                    if (INTENDED_SET.contains(a.stage)) {
                        points.computeIfAbsent(period(a.intendedOn, interval), p -> new Measure()).add(a.intended);
                    }
                }
                case "signed" -> {
                    if (SIGNED_SET.contains(a.stage)) {
                        points.computeIfAbsent(period(a.signedOn, interval), p -> new Measure()).add(a.signed);
                    }
                }
                case "fundsInPlace" -> {
                    if (SIGNED_SET.contains(a.stage)) {
                        for (Disbursement d : a.disbursements) {
                            points.computeIfAbsent(period(d.receivedOn(), interval), p -> new Measure())
                                    .add(d.amount());
                        }
                    }
                }
                default -> throw new IllegalArgumentException(metric);
            }
        }
        List<Map<String, Object>> series = new ArrayList<>();
        points.forEach((period, measure) -> {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("period", period);
            point.putAll(measure.json());
            series.add(point);
        });
        return series;
    }

    private Set<String> subtree(String root) {
        Set<String> zones = new LinkedHashSet<>();
        zones.add(root);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, String> zone : parents.entrySet()) {
                if (zone.getValue() != null && zones.contains(zone.getValue()) && zones.add(zone.getKey())) {
                    grew = true;
                }
            }
        }
        return zones;
    }

    private Registered registered(String programme, String category) {
        Registered registered = new Registered();
        for (Project project : projects.values()) {
            if (programme.equals(project.programme) && (category == null || category.equals(project.category))
                    && !"cancelled".equals(project.status)) {
                registered.count++;
                registered.amounts.add(project.estimated);
            }
        }
        return registered;
    }

    private static Map<String, Object> declared(int count, Money investment) {
        Map<String, Object> declared = new LinkedHashMap<>();
        declared.put("projectCount", (long) count);
        declared.put("investment", investment.amount().toPlainString() + " " + investment.currency());
        return declared;
    }

    static String period(LocalDate date, String interval) {
        return switch (interval) {
            case "month" -> String.format("%04d-%02d", date.getYear(), date.getMonthValue());
            case "quarter" -> String.format("%04d-Q%d", date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
            case "year" -> String.format("%04d", date.getYear());
            default -> throw new IllegalArgumentException(interval);
        };
    }

    /** n / d rounded HALF_EVEN to 4 places, as a plain string; null when d is zero. */
    static String ratio(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, 4, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String ratio(long numerator, long denominator) {
        return ratio(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    /** Per currency of either side (with a non-zero total): numerator / denominator. */
    static Map<String, Object> ratios(Totals numerator, Totals denominator) {
        Map<String, Object> rates = new TreeMap<>();
        Set<String> currencies = new java.util.TreeSet<>(numerator.nonZero().keySet());
        currencies.addAll(denominator.nonZero().keySet());
        for (String currency : currencies) {
            rates.put(currency, ratio(numerator.get(currency), denominator.get(currency)));
        }
        return rates;
    }

    /** Amounts per currency. */
    static final class Totals {
        private final TreeMap<String, BigDecimal> byCurrency = new TreeMap<>();

        void add(Money money) {
            byCurrency.merge(money.currency(), money.amount(), BigDecimal::add);
        }

        BigDecimal get(String currency) {
            return byCurrency.getOrDefault(currency, BigDecimal.ZERO.setScale(2));
        }

        Map<String, BigDecimal> nonZero() {
            Map<String, BigDecimal> nonZero = new TreeMap<>(byCurrency);
            nonZero.values().removeIf(amount -> amount.signum() == 0);
            return nonZero;
        }

        /** The normalised totals: currencies whose total is zero are left out. */
        Map<String, Object> json() {
            Map<String, Object> json = new TreeMap<>();
            nonZero().forEach((currency, amount) -> json.put(currency, amount.setScale(2).toPlainString()));
            return json;
        }
    }

    /** A count and the amounts it adds up to. */
    static final class Measure {
        long count;
        final Totals amounts = new Totals();

        void add(Money money) {
            count++;
            amounts.add(money);
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("count", count);
            json.put("amount", amounts.json());
            return json;
        }
    }

    static final class Registered {
        long count;
        final Totals amounts = new Totals();

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("projectCount", count);
            json.put("investment", amounts.json());
            return json;
        }

        /** Counts equal, the declared currency's total equal to the declared amount, nothing in another currency. */
        boolean matches(int declaredCount, Money declared) {
            return declaredCount == count && amounts.get(declared.currency()).compareTo(declared.amount()) == 0
                    && amounts.nonZero().keySet().stream().allMatch(declared.currency()::equals);
        }
    }
}
