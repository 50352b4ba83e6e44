package org.urbaninvest.project.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.urbaninvest.platform.problem.Problem.FieldError;

/**
 * The rules a plan's figures keep, beyond each field's own shape; every broken rule is one error naming its field.
 * <ul>
 * <li>the period ends on or after its start; indicator codes are unique within the plan;
 * <li>{@code unit} is a currency code or one of {@link IndicatorUnits#OTHERS}; a derived indicator is counted in a
 * currency and has no observations;
 * <li>the baseline year is not after the period's last year; each target's year lies inside the period, after the
 * baseline year, one target per year;
 * <li>an observation's date lies between the first day of the baseline year (of the period, without a baseline)
 * and the period's end, and not after {@code today}; one observation per indicator and date.
 * </ul>
 */
public final class PlanRules {

    private PlanRules() {
    }

    /** The broken rules of a whole plan (a publish or a replace); field names as in the request body. */
    public static List<FieldError> check(PlanPeriod period, List<Indicator> indicators, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        boolean periodOk = !period.endDate().isBefore(period.startDate());
        if (!periodOk) {
            errors.add(new FieldError("period.endDate", "must not be before period.startDate"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            String at = "indicators[" + i + "]";
            if (!codes.add(indicator.code())) {
                errors.add(new FieldError(at + ".code", "repeats indicator " + indicator.code()
                        + "; codes are unique within a plan"));
            }
            unit(indicator, at, errors);
            if (indicator.derivedFrom() != null && !indicator.observations().isEmpty()) {
                errors.add(new FieldError(at + ".observations", "must be empty: the indicator is derived from "
                        + indicator.derivedFrom() + ", not observed"));
            }
            if (!periodOk) {
                continue; // years and dates cannot be placed in a period that does not exist
            }
            Integer baselineYear = indicator.baseline() == null ? null : indicator.baseline().year();
            if (baselineYear != null && baselineYear > period.endDate().getYear()) {
                errors.add(new FieldError(at + ".baseline.year", "must not be after the period's last year "
                        + period.endDate().getYear()));
            }
            targets(indicator.targets(), baselineYear, period, at, errors);
            observations(indicator, period, indicator.observations(), List.of(), at + ".observations", today, errors);
        }
        return errors;
    }

    /**
     * The broken rules of observations appended to {@code indicator} of a plan over {@code period}; field names are
     * {@code field[k].date} and so on.
     */
    public static List<FieldError> checkAppended(Indicator indicator, PlanPeriod period, List<Observation> added,
            String field, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        observations(indicator, period, added, indicator.observations().stream().map(Observation::date).toList(),
                field, today, errors);
        return errors;
    }

    private static void unit(Indicator indicator, String at, List<FieldError> errors) {
        if (indicator.derivedFrom() != null && !IndicatorUnits.isCurrency(indicator.unit())) {
            errors.add(new FieldError(at + ".unit", "must be an ISO 4217 currency code such as CNY: the indicator is"
                    + " derived from " + indicator.derivedFrom() + ", which is money"));
        } else if (!IndicatorUnits.isKnown(indicator.unit())) {
            errors.add(new FieldError(at + ".unit", "must be an ISO 4217 currency code such as CNY or one of "
                    + String.join(", ", IndicatorUnits.OTHERS)));
        }
    }

    private static void targets(List<YearValue> targets, Integer baselineYear, PlanPeriod period, String at,
            List<FieldError> errors) {
        int first = period.startDate().getYear();
        int last = period.endDate().getYear();
        Set<Integer> years = new HashSet<>();
        for (int j = 0; j < targets.size(); j++) {
            int year = targets.get(j).year();
            String field = at + ".targets[" + j + "].year";
            if (year < first || year > last) {
                errors.add(new FieldError(field, "must lie inside the period, " + first + " to " + last));
            } else if (baselineYear != null && year <= baselineYear) {
                errors.add(new FieldError(field, "must be after the baseline year " + baselineYear));
            } else if (!years.add(year)) {
                errors.add(new FieldError(field, "repeats the target for " + year + "; one target per year"));
            }
        }
    }

    private static void observations(Indicator indicator, PlanPeriod period, List<Observation> observations,
            Collection<LocalDate> earlier, String field, LocalDate today, List<FieldError> errors) {
        if (indicator.derivedFrom() != null) {
            return; // reported as a whole above, or refused by the caller of an append
        }
        LocalDate from = indicator.baseline() == null ? period.startDate()
                : LocalDate.of(indicator.baseline().year(), 1, 1);
        Set<LocalDate> dates = new HashSet<>(earlier);
        for (int k = 0; k < observations.size(); k++) {
            LocalDate date = observations.get(k).date();
            String at = field + "[" + k + "].date";
            if (date.isBefore(from) || date.isAfter(period.endDate())) {
                errors.add(new FieldError(at, "must lie between " + from + " (" + (indicator.baseline() == null
                        ? "the period's start" : "the start of the baseline year") + ") and " + period.endDate()
                        + " (the period's end)"));
            } else if (date.isAfter(today)) {
                errors.add(new FieldError(at, "must not be in the future (today is " + today + ")"));
            } else if (!dates.add(date)) {
                errors.add(new FieldError(at, "repeats the observation of " + date + "; one per indicator and date"));
            }
        }
    }
}
