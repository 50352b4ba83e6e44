package org.urbaninvest.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.urbaninvest.testsupport.KafkaTestClient;

/**
 * Produces the events project-service and investment-service publish, as they publish them: CloudEvents binary
 * headers and the aggregate's full representation (with its version) as the value. Builders keep an aggregate's
 * state; each move bumps its version, and {@link Aggregate#send()} publishes the current snapshot.
 */
public final class TestEvents {

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static KafkaTestClient kafka;

    private TestEvents() {
    }

    static synchronized KafkaTestClient kafka() {
        if (kafka == null) {
            kafka = KafkaTestClient.ofTestInfrastructure();
        }
        return kafka;
    }

    /** A code no other test uses: {@code prefix-xxxxxxxx}. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> money(String amount, String currency) {
        Map<String, Object> money = new LinkedHashMap<>();
        money.put("amount", new BigDecimal(amount).setScale(2).toPlainString());
        money.put("currency", currency);
        return money;
    }

    /** Sends one event with proper CloudEvents headers; {@code type} without the {@code org.urbaninvest.} prefix. */
    public static void send(String topic, String key, String type, String json, Instant time) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_source", topic.startsWith("investors") || topic.startsWith("agreements")
                ? "/investment-service" : "/project-service");
        headers.put("ce_type", "org.urbaninvest." + type);
        headers.put("ce_subject", key);
        headers.put("ce_time", time.toString());
        headers.put("content-type", "application/json");
        kafka().send(topic, key, json, headers);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An aggregate whose snapshots the test publishes. */
    public abstract static class Aggregate<SELF extends Aggregate<SELF>> {
        long version;
        String type;
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);

        abstract String topic();

        abstract String key();

        abstract Map<String, Object> representation();

        @SuppressWarnings("unchecked")
        SELF move(String eventType) {
            version++;
            type = eventType;
            return (SELF) this;
        }

        /** The value of the current version's event. */
        public String json() {
            Map<String, Object> value = representation();
            value.put("version", version);
            value.put("createdAt", createdAt.toString());
            value.put("updatedAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
            return TestEvents.json(value);
        }

        public String type() {
            return type;
        }

        @SuppressWarnings("unchecked")
        public SELF send() {
            TestEvents.send(topic(), key(), type, json(), Instant.now().truncatedTo(ChronoUnit.MICROS));
            return (SELF) this;
        }

        @SuppressWarnings("unchecked")
        public SELF sendAt(Instant time) {
            TestEvents.send(topic(), key(), type, json(), time);
            return (SELF) this;
        }
    }

    public static Zone zone(String code, String parentCode) {
        return new Zone(code, parentCode).move("zone.registered");
    }

    public static final class Zone extends Aggregate<Zone> {
        final String code;
        String parentCode;
        String name;
        String kind = "DISTRICT";

        Zone(String code, String parentCode) {
            this.code = code;
            this.parentCode = parentCode;
            this.name = "Zone " + code;
        }

        public Zone named(String newName, String newKind) {
            name = newName;
            kind = newKind;
            return this;
        }

        public Zone reparent(String parent) {
            parentCode = parent;
            return move("zone.updated");
        }

        @Override
        String topic() {
            return "zones.v1";
        }

        @Override
        String key() {
            return code;
        }

        @Override
        Map<String, Object> representation() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("code", code);
            v.put("name", name);
            v.put("kind", kind);
            v.put("parentCode", parentCode);
            v.put("areaKm2", null);
            v.put("population", null);
            v.put("regionCode", null);
            v.put("description", null);
            v.put("children", List.of());
            return v;
        }
    }

    public static Programme programme(String code, String zoneCode, int declaredCount, String declaredAmount) {
        return new Programme(code, zoneCode, declaredCount, declaredAmount).move("programme.published");
    }

    public static final class Programme extends Aggregate<Programme> {
        final String code;
        final String zoneCode;
        final int declaredCount;
        final String declaredAmount;
        final List<Map<String, Object>> categories = new ArrayList<>();
        String name;

        Programme(String code, String zoneCode, int declaredCount, String declaredAmount) {
            this.code = code;
            this.zoneCode = zoneCode;
            this.declaredCount = declaredCount;
            this.declaredAmount = declaredAmount;
            this.name = "Programme " + code;
        }

        public Programme named(String newName) {
            name = newName;
            return this;
        }

        public Programme category(String categoryCode, String name, int count, String amount) {
            Map<String, Object> category = new LinkedHashMap<>();
            category.put("code", categoryCode);
            category.put("name", name);
            category.put("declared", Map.of("projectCount", count, "investment", money(amount, "CNY")));
            categories.add(category);
            return this;
        }

        @Override
        String topic() {
            return "programmes.v1";
        }

        @Override
        String key() {
            return code;
        }

        @Override
        Map<String, Object> representation() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("code", code);
            v.put("name", name);
            v.put("zoneCode", zoneCode);
            v.put("publishedOn", "2022-09-19");
            v.put("declared", Map.of("projectCount", declaredCount, "investment", money(declaredAmount, "CNY")));
            v.put("categories", categories);
            return v;
        }
    }

    public static Project project(String code, String zoneCode, String amount, String currency) {
        return new Project(code, zoneCode, amount, currency).move("project.registered");
    }

    public static final class Project extends Aggregate<Project> {
        final String code;
        String zoneCode;
        String programmeCode;
        String categoryCode;
        String status = "identification";
        String amount;
        String currency;
        final List<Map<String, Object>> milestones = new ArrayList<>();

        Project(String code, String zoneCode, String amount, String currency) {
            this.code = code;
            this.zoneCode = zoneCode;
            this.amount = amount;
            this.currency = currency;
        }

        public Project in(String programme, String category) {
            programmeCode = programme;
            categoryCode = category;
            return this;
        }

        public Project status(String newStatus) {
            status = newStatus;
            return version == 0 ? this : move("project.status-changed");
        }

        /** A registration already in {@code newStatus}. */
        public Project withStatus(String newStatus) {
            status = newStatus;
            return this;
        }

        /** Adds or replaces (by code) a milestone in the next snapshot; {@code dateMet} may be null. */
        public Project milestone(String milestoneCode, String dueDate, String dateMet, String status) {
            milestones.removeIf(m -> milestoneCode.equals(m.get("code")));
            Map<String, Object> milestone = new LinkedHashMap<>();
            milestone.put("code", milestoneCode);
            milestone.put("title", null);
            milestone.put("dueDate", dueDate);
            milestone.put("dateMet", dateMet);
            milestone.put("status", status);
            milestones.add(milestone);
            return this;
        }

        public Project update(String newZone, String newAmount) {
            zoneCode = newZone;
            amount = newAmount;
            return move("project.updated");
        }

        @Override
        String topic() {
            return "projects.v1";
        }

        @Override
        String key() {
            return code;
        }

        @Override
        Map<String, Object> representation() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("code", code);
            v.put("name", "Project " + code);
            v.put("zoneCode", zoneCode);
            v.put("programmeCode", programmeCode);
            v.put("categoryCode", categoryCode);
            v.put("status", status);
            v.put("type", "construction");
            v.put("sector", "transport.road");
            v.put("estimatedInvestment", money(amount, currency));
            v.put("plannedStart", null);
            v.put("plannedCompletion", null);
            v.put("location", null);
            v.put("fundingSources", List.of());
            v.put("milestones", List.copyOf(milestones));
            v.put("identifiers", List.of());
            v.put("description", null);
            return v;
        }
    }

    /** Announces an investor of {@code kind} on investors.v1 (version 1); returns its id. */
    public static String investor(String kind) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("name", "Investor " + id.substring(0, 8));
        v.put("kind", kind);
        v.put("creditCode", null);
        v.put("country", null);
        v.put("version", 1);
        String now = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
        v.put("createdAt", now);
        v.put("updatedAt", now);
        send("investors.v1", id, "investor.registered", json(v), Instant.now());
        return id;
    }

    public static Agreement agreement(String zoneCode, String intendedAmount, String currency, String intendedOn) {
        return new Agreement(zoneCode, intendedAmount, currency, intendedOn).move("agreement.intended");
    }

    /** An agreement with a chosen id (e.g. one whose Kafka key lands on a chosen partition). */
    public static Agreement agreement(String id, String zoneCode, String intendedAmount, String currency,
            String intendedOn) {
        Agreement agreement = new Agreement(zoneCode, intendedAmount, currency, intendedOn).move("agreement.intended");
        agreement.id = id;
        return agreement;
    }

    /** A new UUID whose record lands on the same partition of {@code topic} as {@code key}'s. */
    public static String keyOnSamePartition(String topic, String key) {
        return kafka().keyOnSamePartition(topic, key, () -> UUID.randomUUID().toString());
    }

    public static final class Agreement extends Aggregate<Agreement> {
        String id = UUID.randomUUID().toString();
        final String zoneCode;
        final String projectCode;
        String stage = "INTENDED";
        Map<String, Object> intendedAmount;
        final String intendedOn;
        Map<String, Object> signedAmount;
        String signedOn;
        String startedOn;
        String operationalOn;
        String withdrawnOn;
        String investorId = "6f1c0d4e-0000-4000-8000-000000000001";
        final List<Map<String, Object>> disbursements = new ArrayList<>();
        final List<Map<String, Object>> history = new ArrayList<>();

        Agreement(String zoneCode, String amount, String currency, String intendedOn) {
            this.zoneCode = zoneCode;
            this.projectCode = "project-of-" + zoneCode;
            this.intendedAmount = money(amount, currency);
            this.intendedOn = intendedOn;
            record("intended", intendedOn, Map.of("intendedAmount", change(null, intendedAmount)));
        }

        public String id() {
            return id;
        }

        /** The investor's id (by default one no test announces on investors.v1). */
        public Agreement by(String investor) {
            investorId = investor;
            return this;
        }

        public Agreement sign(String amount, String currency, String on) {
            stage = "SIGNED";
            signedAmount = money(amount, currency);
            signedOn = on;
            record("signed", on, Map.of("signedAmount", change(null, signedAmount)));
            return move("agreement.signed");
        }

        public Agreement start(String on) {
            stage = "STARTED";
            startedOn = on;
            record("started", on, Map.of());
            return move("agreement.started");
        }

        public Agreement operate(String on) {
            stage = "OPERATIONAL";
            operationalOn = on;
            record("operational", on, Map.of());
            return move("agreement.operational");
        }

        public Agreement withdraw(String on) {
            stage = "WITHDRAWN";
            withdrawnOn = on;
            record("withdrawn", on, Map.of());
            return move("agreement.withdrawn");
        }

        /** An amendment, as the history records it: the revised amount's {@code from} and {@code to}. */
        public Agreement amendIntended(String amount) {
            Map<String, Object> from = intendedAmount;
            intendedAmount = money(amount, (String) intendedAmount.get("currency"));
            record("amended", null, Map.of("intendedAmount", change(from, intendedAmount)));
            return move("agreement.amended");
        }

        public Agreement amendSigned(String amount) {
            Map<String, Object> from = signedAmount;
            signedAmount = money(amount, (String) signedAmount.get("currency"));
            record("amended", null, Map.of("signedAmount", change(from, signedAmount)));
            return move("agreement.amended");
        }

        private void record(String action, String date, Map<String, Object> changes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("at", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
            entry.put("action", action);
            entry.put("stage", stage);
            entry.put("date", date);
            entry.put("actor", "test");
            entry.put("reason", "amended".equals(action) ? "revised" : null);
            entry.put("changes", changes);
            history.add(entry);
        }

        private static Map<String, Object> change(Object from, Object to) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", from);
            change.put("to", to);
            return change;
        }

        public Agreement disburse(String amount, String receivedOn) {
            Map<String, Object> disbursement = new LinkedHashMap<>();
            disbursement.put("id", UUID.randomUUID().toString());
            disbursement.put("amount", money(amount, (String) signedAmount.get("currency")));
            disbursement.put("receivedOn", receivedOn);
            disbursement.put("recordedAt", Instant.now().toString());
            disbursements.add(disbursement);
            return move("agreement.disbursement-recorded");
        }

        @Override
        String topic() {
            return "agreements.v1";
        }

        @Override
        String key() {
            return id;
        }

        @Override
        Map<String, Object> representation() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", id);
            v.put("projectCode", projectCode);
            v.put("zoneCode", zoneCode);
            v.put("investorId", investorId);
            v.put("reference", null);
            v.put("stage", stage);
            v.put("intendedAmount", intendedAmount);
            v.put("intendedOn", intendedOn);
            v.put("signedAmount", signedAmount);
            v.put("signedOn", signedOn);
            v.put("startedOn", startedOn);
            v.put("operationalOn", operationalOn);
            v.put("withdrawnOn", withdrawnOn);
            v.put("withdrawalReason", withdrawnOn == null ? null : "investor withdrew");
            v.put("disbursements", disbursements);
            BigDecimal funds = disbursements.stream()
                    .map(d -> new BigDecimal((String) ((Map<?, ?>) d.get("amount")).get("amount")))
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            v.put("fundsInPlace", money(funds.toPlainString(), (String) (signedAmount != null
                    ? signedAmount.get("currency") : intendedAmount.get("currency"))));
            v.put("history", List.copyOf(history));
            return v;
        }
    }

    /** A plan of {@code zoneCode} as project-service publishes it on plans.v1 (period 2021–2035, source given). */
    public static Plan plan(String code, String zoneCode) {
        return new Plan(code, zoneCode).move("plan.published");
    }

    public static final class Plan extends Aggregate<Plan> {
        final String code;
        final String zoneCode;
        final List<Map<String, Object>> indicators = new ArrayList<>();

        Plan(String code, String zoneCode) {
            this.code = code;
            this.zoneCode = zoneCode;
        }

        /** Adds an observed indicator ({@code targets}: year, value, year, value, …). */
        public Plan indicator(String indicatorCode, String unit, String aggregation, int baselineYear,
                String baseline, Object... targets) {
            return derived(indicatorCode, unit, aggregation, null, baselineYear, baseline, targets);
        }

        /** Adds an indicator derived from the suite's figures ({@code null}: observed). */
        public Plan derived(String indicatorCode, String unit, String aggregation, String derivedFrom, int baselineYear,
                String baseline, Object... targets) {
            Map<String, Object> indicator = new LinkedHashMap<>();
            indicator.put("code", indicatorCode);
            indicator.put("name", "Indicator " + indicatorCode);
            indicator.put("unit", unit);
            indicator.put("aggregation", aggregation);
            indicator.put("derivedFrom", derivedFrom);
            indicator.put("baseline", Map.of("year", baselineYear, "value", baseline));
            indicator.put("targets", targets(targets));
            indicator.put("observations", new ArrayList<Map<String, Object>>());
            indicators.add(indicator);
            return this;
        }

        /** Replaces an indicator's target values (a PUT). */
        public Plan retarget(String indicatorCode, Object... targets) {
            find(indicatorCode).put("targets", targets(targets));
            return move("plan.updated");
        }

        private static List<Map<String, Object>> targets(Object... yearsAndValues) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (int i = 0; i < yearsAndValues.length; i += 2) {
                list.add(Map.of("year", yearsAndValues[i], "value", yearsAndValues[i + 1]));
            }
            return list;
        }

        /** Appends an observation ({@code POST …/observations}): a new version. */
        @SuppressWarnings("unchecked")
        public Plan observe(String indicatorCode, String date, String value) {
            Map<String, Object> observation = new LinkedHashMap<>();
            observation.put("date", date);
            observation.put("value", value);
            observation.put("source", "survey " + date);
            ((List<Map<String, Object>>) find(indicatorCode).get("observations")).add(observation);
            return move("plan.observation-recorded");
        }

        private Map<String, Object> find(String indicatorCode) {
            return indicators.stream().filter(i -> indicatorCode.equals(i.get("code"))).findFirst().orElseThrow();
        }

        @Override
        String topic() {
            return "plans.v1";
        }

        @Override
        String key() {
            return code;
        }

        @Override
        Map<String, Object> representation() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("code", code);
            v.put("zoneCode", zoneCode);
            v.put("title", "Plan " + code);
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("title", "Plan document " + code);
            source.put("issuer", "People's Government");
            source.put("date", "2022-10-17");
            source.put("url", null);
            v.put("source", source);
            v.put("period", Map.of("startDate", "2021-01-01", "endDate", "2035-12-31"));
            v.put("indicators", indicators);
            return v;
        }
    }
}
