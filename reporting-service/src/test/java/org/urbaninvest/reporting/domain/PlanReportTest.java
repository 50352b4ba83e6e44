package org.urbaninvest.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress, the linear path to the next target and on-track, without a database. */
class PlanReportTest {

    private static final LocalDate DAY = LocalDate.parse("2026-06-30");

    private static Plan.Indicator indicator(String baseline, List<Plan.YearValue> targets) {
        return new Plan.Indicator("i", "I", "persons", Plan.SUM, null, new Plan.YearValue(2021, new BigDecimal(baseline)),
                targets, List.of());
    }

    private static Plan.YearValue target(int year, String value) {
        return new Plan.YearValue(year, new BigDecimal(value));
    }

    private static BigDecimal progress(String baseline, String actual, String target) {
        return PlanReport.progress(new BigDecimal(baseline), new BigDecimal(actual), new BigDecimal(target));
    }

    @Test
    void progressRoundsHalfEvenToFourPlaces() {
        // 12345 / 100000 = 0.12345 exactly: half-even keeps the even 4 (half-up would give 0.1235)
        assertThat(progress("1000000", "1012345", "1100000")).isEqualByComparingTo("0.1234");
        // 12355 / 100000 = 0.12355: the even neighbour is 0.1236
        assertThat(progress("1000000", "1012355", "1100000")).isEqualByComparingTo("0.1236");
        assertThat(progress("0", "1", "3")).isEqualByComparingTo("0.3333");
        assertThat(progress("0", "2", "3")).isEqualByComparingTo("0.6667");
        // a falling target: 40 → 30, at 35 half way
        assertThat(progress("40", "35", "30")).isEqualByComparingTo("0.5000");
        // beyond the target, and moving the wrong way
        assertThat(progress("100", "250", "200")).isEqualByComparingTo("1.5000");
        assertThat(progress("100", "90", "200")).isEqualByComparingTo("-0.1000");
    }

    @Test
    void aTargetEqualToTheBaselineHasNoProgressAndNoPath() {
        assertThat(progress("500", "600", "500")).isNull();
        assertThat(PlanReport.onTrack(new BigDecimal("500"), new BigDecimal("600"), new BigDecimal("500"), 10, 100))
                .isNull();
        PlanReport.IndicatorStatus status = PlanReport.indicator(indicator("500", List.of(target(2030, "500"))),
                new PlanReport.Figure(new BigDecimal("600"), DAY, null), List.of(), DAY);
        assertThat(status.targets()).containsExactly(new PlanReport.Target(2030, "500", null));
        assertThat(status.onTrack()).isNull();
    }

    @Test
    void withoutABaselineThereIsNoProgressNoPathAndNoVerdict() {
        Plan.Indicator indicator = new Plan.Indicator("gdp", "Economic aggregate", "CNY", Plan.SUM, null, null,
                List.of(target(2030, "1350000000000")), List.of());
        PlanReport.IndicatorStatus status = PlanReport.indicator(indicator,
                new PlanReport.Figure(new BigDecimal("800000000000"), DAY, null), List.of(), DAY);
        assertThat(status.baseline()).isNull();
        assertThat(status.actual().value()).isEqualTo("800000000000");
        assertThat(status.targets()).containsExactly(new PlanReport.Target(2030, "1350000000000", null));
        assertThat(status.nextTarget()).isEqualTo(new PlanReport.NextTarget(2030, null));
        assertThat(status.onTrack()).isNull();
    }

    @Test
    void onTrackComparesTheShareOfTheWayWithTheShareOfTheTimeExactly() {
        // 10 of 100 days gone: 10 % of the way is on track, a hair less is not
        BigDecimal b = new BigDecimal("0");
        BigDecimal t = new BigDecimal("1000");
        assertThat(PlanReport.onTrack(b, new BigDecimal("100"), t, 10, 100)).isTrue();
        assertThat(PlanReport.onTrack(b, new BigDecimal("99.999"), t, 10, 100)).isFalse();
        // a falling target (1000 → 0): the actual must have fallen at least 10 %
        assertThat(PlanReport.onTrack(t, new BigDecimal("900"), b, 10, 100)).isTrue();
        assertThat(PlanReport.onTrack(t, new BigDecimal("900.001"), b, 10, 100)).isFalse();
        assertThat(PlanReport.onTrack(t, new BigDecimal("1100"), b, 10, 100)).isFalse();
        // 1/3 of the time: 0.3333… rounded would wrongly put 333.3 on track
        assertThat(PlanReport.onTrack(b, new BigDecimal("333.3"), t, 1, 3)).isFalse();
        assertThat(PlanReport.onTrack(b, new BigDecimal("333.34"), t, 1, 3)).isTrue();
    }

    @Test
    void theNextTargetIsTheFirstWhoseYearHasNotEndedAndThePathRunsFromYearEndToYearEnd() {
        Plan.Indicator indicator = indicator("1000", List.of(target(2035, "3000"), target(2025, "1500"),
                target(2030, "2000")));
        LocalDate observed = LocalDate.parse("2023-12-31");
        PlanReport.IndicatorStatus status = PlanReport.indicator(indicator,
                new PlanReport.Figure(new BigDecimal("1300"), observed, "survey"), List.of(), DAY);
        assertThat(status.targets()).extracting(PlanReport.Target::year).containsExactly(2025, 2030, 2035);
        // 2025 has ended by 2026-06-30: the next target is 2030; 2021-12-31 → 2023-12-31 is 730 of 3287 days
        assertThat(status.nextTarget().year()).isEqualTo(2030);
        assertThat(status.nextTarget().expectedProgress()).isEqualByComparingTo("0.2221");
        // (1300 − 1000) / (2000 − 1000) = 0.3 ≥ 730 / 3287
        assertThat(status.onTrack()).isTrue();
        assertThat(status.actual()).isEqualTo(new PlanReport.Actual("1300", observed, "survey"));

        PlanReport.IndicatorStatus behind = PlanReport.indicator(indicator,
                new PlanReport.Figure(new BigDecimal("1200"), observed, null), List.of(), DAY);
        assertThat(behind.onTrack()).isFalse();

        PlanReport.IndicatorStatus none = PlanReport.indicator(indicator, null, List.of(), DAY);
        assertThat(none.actual()).isNull();
        assertThat(none.onTrack()).isNull();
        assertThat(none.targets()).allSatisfy(target -> assertThat(target.progress()).isNull());

        PlanReport.IndicatorStatus after = PlanReport.indicator(indicator,
                new PlanReport.Figure(new BigDecimal("3100"), observed, null), List.of(), LocalDate.parse("2036-01-01"));
        assertThat(after.nextTarget()).isNull();
        assertThat(after.onTrack()).isNull();
    }

    @Test
    void theRollUpSumsThePartsThatHaveAnActual() {
        LocalDate day = LocalDate.parse("2024-12-31");
        PlanReport.IndicatorStatus status = PlanReport.indicator(indicator("0", List.of(target(2030, "10"))), null,
                List.of(new PlanReport.Part("a", "za", new PlanReport.Figure(new BigDecimal("1.5"), day, null)),
                        new PlanReport.Part("b", "zb", null),
                        new PlanReport.Part("c", "zc", new PlanReport.Figure(new BigDecimal("2.25"), day, null))),
                DAY);
        assertThat(status.rollUp().actual()).isEqualTo("3.75");
        assertThat(status.rollUp().plans()).extracting(PlanReport.RollUpPart::value).containsExactly("1.5", null, "2.25");
        assertThat(PlanReport.indicator(indicator("0", List.of()), null, List.of(), DAY).rollUp()).isNull();
    }
}
