package org.urbaninvest.reporting.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.urbaninvest.platform.money.Ratios;

/**
 * A zone's pipeline as of the end of a day: per stage the agreements that had reached it by then (withdrawn
 * later or not), the conversion from the previous stage, and how long the agreements still in the stage have
 * been in it. {@code asOf} is the time of the newest event applied, {@code asOfDate} the day measured to.
 */
public record Funnel(String zone, Instant asOf, LocalDate asOfDate, boolean includeSubzones, String investorKind,
        List<Stage> stages, long withdrawn) {

    /** The stages an agreement moves through, in order; {@code WITHDRAWN} leaves the funnel. */
    public static final List<String> STAGES = List.of(AgreementState.INTENDED, AgreementState.SIGNED,
            AgreementState.STARTED, AgreementState.OPERATIONAL);

    /**
     * {@code reached}: agreements whose date of this stage is on or before the day; {@code conversion}: reached /
     * the previous stage's reached (4 places HALF_EVEN; null for the first stage or a zero denominator);
     * {@code current}: the agreements in this stage at the end of the day, with their days in it.
     */
    public record Stage(String stage, long reached, BigDecimal conversion, Ageing current) {
    }

    /**
     * Days since the agreements entered the stage, to the day measured to: median and 90th percentile by nearest
     * rank (the ⌈p·n⌉-th smallest), and the maximum; null when no agreement is in the stage.
     */
    public record Ageing(long count, Long medianDays, Long p90Days, Long maxDays) {

        static Ageing of(List<Long> days) {
            if (days.isEmpty()) {
                return new Ageing(0, null, null, null);
            }
            List<Long> sorted = new ArrayList<>(days);
            Collections.sort(sorted);
            return new Ageing(sorted.size(), rank(sorted, 50), rank(sorted, 90), sorted.get(sorted.size() - 1));
        }

        private static long rank(List<Long> sorted, int percent) {
            int rank = (int) Math.ceil(percent * sorted.size() / 100.0);
            return sorted.get(Math.max(rank, 1) - 1);
        }
    }

    /** An agreement's stage dates (the funnel needs no more of it). */
    public record Dates(LocalDate intendedOn, LocalDate signedOn, LocalDate startedOn, LocalDate operationalOn,
            LocalDate withdrawnOn) {

        /** The date the agreement entered a stage of {@link #STAGES}; null when it has not (or no date is known). */
        LocalDate entered(int stage) {
            return switch (stage) {
                case 0 -> intendedOn;
                case 1 -> signedOn;
                case 2 -> startedOn;
                default -> operationalOn;
            };
        }

        static boolean onOrBefore(LocalDate date, LocalDate day) {
            return date != null && !date.isAfter(day);
        }

        /** The index in {@link #STAGES} of the stage it is in at the end of {@code day}; -1 when none. */
        int stageOn(LocalDate day) {
            if (onOrBefore(withdrawnOn, day)) {
                return -1;
            }
            for (int stage = STAGES.size() - 1; stage >= 0; stage--) {
                if (onOrBefore(entered(stage), day)) {
                    return stage;
                }
            }
            return -1;
        }
    }

    public static Funnel of(String zone, Instant asOf, LocalDate day, boolean includeSubzones, String investorKind,
            List<Dates> agreements) {
        long[] reached = new long[STAGES.size()];
        List<List<Long>> ages = new ArrayList<>();
        STAGES.forEach(stage -> ages.add(new ArrayList<>()));
        long withdrawn = 0;
        for (Dates agreement : agreements) {
            for (int stage = 0; stage < STAGES.size(); stage++) {
                if (Dates.onOrBefore(agreement.entered(stage), day)) {
                    reached[stage]++;
                }
            }
            int current = agreement.stageOn(day);
            if (current >= 0) {
                ages.get(current).add(ChronoUnit.DAYS.between(agreement.entered(current), day));
            } else if (Dates.onOrBefore(agreement.withdrawnOn(), day)) {
                withdrawn++;
            }
        }
        List<Stage> stages = new ArrayList<>();
        for (int stage = 0; stage < STAGES.size(); stage++) {
            stages.add(new Stage(STAGES.get(stage), reached[stage],
                    stage == 0 ? null : Ratios.of(reached[stage], reached[stage - 1]), Ageing.of(ages.get(stage))));
        }
        return new Funnel(zone, asOf, day, includeSubzones, investorKind, List.copyOf(stages), withdrawn);
    }
}
