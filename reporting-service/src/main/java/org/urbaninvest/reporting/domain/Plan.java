package org.urbaninvest.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan as its newest {@code plans.v1} snapshot states it: a zone's goals, each indicator with a baseline, targets
 * by year and observations (none for a derived indicator, whose actual the reports compute from the events).
 */
public record Plan(String code, String zoneCode, String title, Source source, Period period, List<Indicator> indicators,
        long version) {

    public static final String SUM = "SUM";
    public static final String NONE = "NONE";
    /** What a derived indicator is computed from: the zone report's figure of that name (with subzones). */
    public static final List<String> DERIVED_FROM = List.of("signed-investment", "funds-in-place",
            "registered-investment");

    public record Source(String title, String issuer, LocalDate date, String url) {
    }

    public record Period(LocalDate startDate, LocalDate endDate) {
    }

    public record YearValue(int year, BigDecimal value) {
    }

    public record Observation(LocalDate date, BigDecimal value, String source) {
    }

    public record Indicator(String code, String name, String unit, String aggregation, String derivedFrom,
            YearValue baseline, List<YearValue> targets, List<Observation> observations) {

        public boolean sums() {
            return SUM.equals(aggregation);
        }

        /** The latest observation on or before {@code day} (of two on one date, the later recorded); null if none. */
        public Observation latestObservation(LocalDate day) {
            Observation latest = null;
            for (Observation observation : observations) {
                if (!observation.date().isAfter(day) && (latest == null || !observation.date().isBefore(latest.date()))) {
                    latest = observation;
                }
            }
            return latest;
        }
    }
}
