package org.urbaninvest.reporting.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.urbaninvest.platform.money.Ratios;

/**
 * The plans of a zone and how far each indicator has come: its baseline, its latest actual (observed, or derived
 * from the zone's figures), each target with the progress towards it, whether it is on track for the next target,
 * and for a {@code SUM} indicator the roll-up of the same indicator in the plans of the zones beneath. Values are
 * exact decimals as strings; progress and the expected progress are ratios (4 places, HALF_EVEN).
 */
public record PlanReport(String zone, Instant asOf, LocalDate asOfDate, List<PlanStatus> plans) {

    public record PlanStatus(String code, String zoneCode, String title, Plan.Source source, Plan.Period period,
            long version, List<IndicatorStatus> indicators) {
    }

    /**
     * {@code actual}: null when nothing was observed by the day; {@code nextTarget}: the first target whose year has
     * not ended by the day (null when all have); {@code onTrack}: null without an actual, a next target, or when that
     * target equals the baseline; {@code rollUp}: null for a {@code NONE} indicator or when no zone beneath has one.
     */
    public record IndicatorStatus(String code, String name, String unit, String aggregation, String derivedFrom,
            YearValue baseline, Actual actual, List<Target> targets, NextTarget nextTarget, Boolean onTrack,
            RollUp rollUp) {
    }

    public record YearValue(int year, String value) {
    }

    /** The latest actual: an observation (with its source) or a derived figure (as of the report's day). */
    public record Actual(String value, LocalDate date, String source) {
    }

    /** {@code progress} = (actual − baseline) / (target − baseline); null without an actual or when target = baseline. */
    public record Target(int year, String value, BigDecimal progress) {
    }

    /**
     * The target the indicator is judged against, and the share of the time from the end of the baseline year to the
     * end of the target year that had passed on the actual's date: the progress a linear path would have made.
     */
    public record NextTarget(int year, BigDecimal expectedProgress) {
    }

    /** The sum of the latest actuals of the same indicator in the plans of the nearest zones beneath that have one. */
    public record RollUp(String actual, List<RollUpPart> plans) {
    }

    public record RollUpPart(String plan, String zone, String value, LocalDate date) {
    }

    /** An actual as a figure, before it is written out. */
    public record Figure(BigDecimal value, LocalDate date, String source) {

        Actual actual() {
            return new Actual(value.toPlainString(), date, source);
        }
    }

    /** A candidate for a roll-up: an indicator's actual in a plan of a zone beneath (null when it has none). */
    public record Part(String plan, String zone, Figure figure) {
    }

    /**
     * The status of one indicator on {@code day} (the report's day), from its actual and its roll-up's parts. Without
     * a baseline (its source states none) there is no progress, no path and no on-track, only the actual and targets.
     */
    public static IndicatorStatus indicator(Plan.Indicator indicator, Figure actual, List<Part> rollUp, LocalDate day) {
        Plan.YearValue baseline = indicator.baseline();
        List<Target> targets = new ArrayList<>();
        List<Plan.YearValue> ordered = indicator.targets().stream()
                .sorted(Comparator.comparingInt(Plan.YearValue::year)).toList();
        for (Plan.YearValue target : ordered) {
            targets.add(new Target(target.year(), target.value().toPlainString(), actual == null || baseline == null
                    ? null : progress(baseline.value(), actual.value(), target.value())));
        }
        Plan.YearValue next = ordered.stream().filter(target -> target.year() >= day.getYear()).findFirst().orElse(null);
        NextTarget nextTarget = null;
        Boolean onTrack = null;
        if (next != null && baseline == null) {
            nextTarget = new NextTarget(next.year(), null);
        } else if (next != null) {
            LocalDate start = LocalDate.of(baseline.year(), 12, 31);
            LocalDate end = LocalDate.of(next.year(), 12, 31);
            long total = ChronoUnit.DAYS.between(start, end);
            long elapsed = Math.max(0, Math.min(total,
                    ChronoUnit.DAYS.between(start, actual == null ? day : actual.date())));
            nextTarget = new NextTarget(next.year(), Ratios.of(elapsed, total));
            if (actual != null) {
                onTrack = onTrack(baseline.value(), actual.value(), next.value(), elapsed, total);
            }
        }
        return new IndicatorStatus(indicator.code(), indicator.name(), indicator.unit(), indicator.aggregation(),
                indicator.derivedFrom(), baseline == null ? null
                        : new YearValue(baseline.year(), baseline.value().toPlainString()),
                actual == null ? null : actual.actual(), targets, nextTarget, onTrack, rollUp(rollUp));
    }

    /** (actual − baseline) / (target − baseline), 4 places HALF_EVEN; null when target = baseline. */
    public static BigDecimal progress(BigDecimal baseline, BigDecimal actual, BigDecimal target) {
        return Ratios.of(actual.subtract(baseline), target.subtract(baseline));
    }

    /**
     * Whether the actual has moved from the baseline towards the target at least the share {@code elapsed / total}
     * of the way, compared exactly (no rounding): (actual − baseline) / (target − baseline) ≥ elapsed / total, so a
     * falling target is on track when the actual fell far enough. Null when target = baseline (no path to follow).
     */
    public static Boolean onTrack(BigDecimal baseline, BigDecimal actual, BigDecimal target, long elapsed, long total) {
        BigDecimal span = target.subtract(baseline);
        if (span.signum() == 0) {
            return null;
        }
        BigDecimal moved = actual.subtract(baseline).multiply(BigDecimal.valueOf(total));
        BigDecimal expected = span.multiply(BigDecimal.valueOf(elapsed));
        return moved.multiply(BigDecimal.valueOf(span.signum()))
                .compareTo(expected.multiply(BigDecimal.valueOf(span.signum()))) >= 0;
    }

    private static RollUp rollUp(List<Part> parts) {
        if (parts == null || parts.isEmpty()) {
            return null;
        }
        BigDecimal sum = null;
        List<RollUpPart> listed = new ArrayList<>();
        for (Part part : parts) {
            Figure figure = part.figure();
            if (figure != null) {
                sum = sum == null ? figure.value() : sum.add(figure.value());
            }
            listed.add(new RollUpPart(part.plan(), part.zone(), figure == null ? null : figure.value().toPlainString(),
                    figure == null ? null : figure.date()));
        }
        return new RollUp(sum == null ? null : sum.toPlainString(), listed);
    }
}
