package org.urbaninvest.reporting.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.urbaninvest.platform.events.PoisonEventException;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.reporting.domain.AgreementState;
import org.urbaninvest.reporting.domain.Plan;
import org.urbaninvest.reporting.domain.ProjectState;

/** Event snapshot → what the reports keep of it; a snapshot that lacks what they need is poison. */
public final class States {

    private static final String AMENDED = "amended";

    private States() {
    }

    public static AgreementState agreement(String key, JsonNode data) {
        Money intended = Snapshots.money(data, "intendedAmount");
        Money signed = Snapshots.optionalMoney(data, "signedAmount");
        Money funds = Snapshots.optionalMoney(data, "fundsInPlace");
        List<AgreementState.Disbursement> disbursements = new ArrayList<>();
        JsonNode list = data.get("disbursements");
        if (list != null && list.isArray()) {
            for (JsonNode item : list) {
                disbursements.add(new AgreementState.Disbursement(Snapshots.money(item, "amount"),
                        Snapshots.optionalDate(item, "receivedOn")));
            }
        }
        return new AgreementState(key, Snapshots.text(data, "zoneCode"), Snapshots.optionalText(data, "projectCode"),
                Snapshots.optionalText(data, "investorId"), Snapshots.text(data, "stage"), intended,
                Snapshots.optionalDate(data, "intendedOn"), signed, Snapshots.optionalDate(data, "signedOn"),
                Snapshots.optionalDate(data, "startedOn"), Snapshots.optionalDate(data, "operationalOn"),
                Snapshots.optionalDate(data, "withdrawnOn"),
                funds != null ? funds : Money.zero(signed != null ? signed.currency() : intended.currency()),
                List.copyOf(disbursements), revisions(data.get("history"), intended, signed));
    }

    /**
     * The amounts as first recorded and the number of amendments, from the history the snapshot carries: an
     * amendment's {@code changes} hold each revised amount's {@code from}, so the first amendment of an amount
     * names its original. Read from every snapshot alike, it does not depend on which versions reached us.
     */
    static AgreementState.Revisions revisions(JsonNode history, Money intended, Money signed) {
        Money originalIntended = null;
        Money originalSigned = null;
        int amendments = 0;
        if (history != null && history.isArray()) {
            for (JsonNode entry : history) {
                if (!AMENDED.equals(Snapshots.optionalText(entry, "action"))) {
                    continue;
                }
                amendments++;
                JsonNode changes = entry.get("changes");
                if (originalIntended == null) {
                    originalIntended = Snapshots.optionalMoney(changes == null ? null : changes.get("intendedAmount"),
                            "from");
                }
                if (originalSigned == null) {
                    originalSigned = Snapshots.optionalMoney(changes == null ? null : changes.get("signedAmount"),
                            "from");
                }
            }
        }
        return new AgreementState.Revisions(originalIntended != null ? originalIntended : intended,
                originalSigned != null ? originalSigned : signed, amendments);
    }

    public static ProjectState project(String key, JsonNode data) {
        List<ProjectState.Milestone> milestones = new ArrayList<>();
        JsonNode list = data.get("milestones");
        if (list != null && list.isArray()) {
            for (JsonNode item : list) {
                milestones.add(milestone(item));
            }
        }
        return new ProjectState(key, Snapshots.text(data, "zoneCode"), Snapshots.optionalText(data, "programmeCode"),
                Snapshots.optionalText(data, "categoryCode"), Snapshots.text(data, "status"),
                Snapshots.money(data, "estimatedInvestment"), List.copyOf(milestones));
    }

    /** A milestone as snapshots and the projection both hold it: {@code code, dueDate, dateMet, status}. */
    public static ProjectState.Milestone milestone(JsonNode item) {
        return new ProjectState.Milestone(Snapshots.optionalText(item, "code"), Snapshots.optionalDate(item, "dueDate"),
                Snapshots.optionalDate(item, "dateMet"), Snapshots.optionalText(item, "status"));
    }

    /**
     * A {@code plans.v1} snapshot. Poison when it lacks what the plans report needs: a code, a zone, indicators each
     * with a code, a unit, an aggregation ({@code SUM} or {@code NONE}), a known {@code derivedFrom} (in a currency)
     * or none, a baseline and targets with years and exact decimal values, observations with dates and values.
     */
    public static Plan plan(String key, JsonNode data) {
        String code = Snapshots.text(data, "code");
        if (!code.equals(key)) {
            throw new PoisonEventException("plan snapshot " + code + " under key " + key);
        }
        JsonNode source = data.path("source"); // the report shows what it names; the plan stands without it
        JsonNode period = object(data, "period");
        List<Plan.Indicator> indicators = new ArrayList<>();
        for (JsonNode indicator : array(data, "indicators")) {
            String unit = Snapshots.text(indicator, "unit");
            String aggregation = Snapshots.text(indicator, "aggregation");
            if (!Plan.SUM.equals(aggregation) && !Plan.NONE.equals(aggregation)) {
                throw new PoisonEventException("indicator aggregation must be SUM or NONE: " + aggregation);
            }
            String derivedFrom = Snapshots.optionalText(indicator, "derivedFrom");
            if (derivedFrom != null && (!Plan.DERIVED_FROM.contains(derivedFrom) || !unit.matches("[A-Z]{3}"))) {
                throw new PoisonEventException("indicator derived from '" + derivedFrom + "' in " + unit);
            }
            List<Plan.YearValue> targets = new ArrayList<>();
            for (JsonNode target : array(indicator, "targets")) {
                targets.add(yearValue(target));
            }
            List<Plan.Observation> observations = new ArrayList<>();
            JsonNode recorded = indicator.get("observations");
            if (recorded != null && recorded.isArray()) {
                for (JsonNode observation : recorded) {
                    observations.add(new Plan.Observation(date(observation, "date"), decimal(observation, "value"),
                            Snapshots.optionalText(observation, "source")));
                }
            }
            indicators.add(new Plan.Indicator(Snapshots.text(indicator, "code"), Snapshots.text(indicator, "name"), unit,
                    aggregation, derivedFrom, baseline(indicator), List.copyOf(targets),
                    List.copyOf(observations)));
        }
        return new Plan(code, Snapshots.text(data, "zoneCode"), Snapshots.text(data, "title"),
                new Plan.Source(Snapshots.optionalText(source, "title"), Snapshots.optionalText(source, "issuer"),
                        Snapshots.optionalDate(source, "date"), Snapshots.optionalText(source, "url")),
                new Plan.Period(date(period, "startDate"), date(period, "endDate")), List.copyOf(indicators),
                Snapshots.number(data, "version"));
    }

    /** An indicator's baseline; {@code null} when its source states none. */
    private static Plan.YearValue baseline(JsonNode indicator) {
        JsonNode baseline = indicator.get("baseline");
        return baseline == null || baseline.isNull() ? null : yearValue(object(indicator, "baseline"));
    }

    private static JsonNode object(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isObject()) {
            throw new PoisonEventException("snapshot has no object '" + field + "'");
        }
        return node;
    }

    private static JsonNode array(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isArray()) {
            throw new PoisonEventException("snapshot has no list '" + field + "'");
        }
        return node;
    }

    private static Plan.YearValue yearValue(JsonNode data) {
        return new Plan.YearValue((int) Snapshots.number(data, "year"), decimal(data, "value"));
    }

    private static LocalDate date(JsonNode data, String field) {
        LocalDate date = Snapshots.optionalDate(data, field);
        if (date == null) {
            throw new PoisonEventException("snapshot has no date '" + field + "'");
        }
        return date;
    }

    /** An exact decimal, a string on the wire (a JSON number is taken as written). */
    private static BigDecimal decimal(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !(node.isTextual() || node.isNumber())) {
            throw new PoisonEventException("snapshot has no decimal '" + field + "'");
        }
        try {
            return new BigDecimal(node.asText());
        } catch (NumberFormatException e) {
            throw new PoisonEventException("'" + field + "' is not a decimal: " + node.asText());
        }
    }
}
