package org.urbaninvest.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.urbaninvest.systemtests.support.Api;
import org.urbaninvest.systemtests.support.EventLog;
import org.urbaninvest.systemtests.support.Figures;
import org.urbaninvest.systemtests.support.Ledger;
import org.urbaninvest.systemtests.support.Money;
import org.urbaninvest.systemtests.support.Reports;
import org.urbaninvest.examples.consumer.TopicReader;
import org.urbaninvest.systemtests.support.AsyncApi;
import org.urbaninvest.systemtests.support.RunningSuite.Service;
import org.urbaninvest.systemtests.support.SystemTest;
import org.urbaninvest.systemtests.support.TraceReceiver;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import org.urbaninvest.systemtests.support.Workload;
import org.urbaninvest.testsupport.EventSchemas;

/**
 * The whole suite end to end, driven only over REST and read back over REST and Kafka: a three-level zone tree, a
 * programme with categories, projects moved through their statuses, investors, and agreements through every stage
 * move, amendment and disbursement, in two currencies. The reports must converge to the figures this test computes
 * from what it sent ({@link Ledger}), and the topics must look to an outside consumer as SYSTEM.md §7 says.
 */
@Order(10)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndIT extends SystemTest {


    private final Ledger ledger = new Ledger();
    private Workload workload;
    private Reports reports;
    private String city;
    private String district;
    private String newArea;
    private String otherDistrict;
    private String programme;
    private final Map<String, String> keys = new LinkedHashMap<>();

    @BeforeAll
    void buildTheScenario() {
        workload = new Workload(suite(), ledger);
        reports = new Reports(suite());
        String editor = tokens().editor();

        city = workload.zone(Workload.uniqueCode("e2e-city"), null, "CITY");
        district = workload.zone(Workload.uniqueCode("e2e-district"), city, "DISTRICT");
        newArea = workload.zone(Workload.uniqueCode("e2e-new-area"), district, "NEW_AREA");
        otherDistrict = workload.zone(Workload.uniqueCode("e2e-district"), city, "DISTRICT");

        String innovation = "technological-innovation";
        String ecology = "ecological-humanity";
        programme = workload.programme(Workload.uniqueCode("e2e-list"), newArea, 3, Money.cny("800.00"), List.of(
                new Ledger.Category(innovation, "Technological innovation", 2, Money.cny("300.00")),
                new Ledger.Category(ecology, "Ecological humanity", 1, Money.cny("500.00"))));

        String p1 = workload.project(Workload.uniqueCode("e2e-p"), newArea, programme, innovation, "identification",
                Money.cny("100.00"));
        String p2 = workload.project(Workload.uniqueCode("e2e-p"), newArea, programme, innovation, "preparation",
                Money.cny("200.00"));
        String p3 = workload.project(Workload.uniqueCode("e2e-p"), district, programme, ecology, "identification",
                Money.cny("450.50"));
        String p4 = workload.project(Workload.uniqueCode("e2e-p"), otherDistrict, null, null, "implementation",
                Money.usd("1000000.00"));
        String p5 = workload.project(Workload.uniqueCode("e2e-p"), newArea, programme, ecology, "identification",
                Money.cny("49.50"));
        workload.projectStatus(p1, "preparation");
        workload.projectStatus(p1, "implementation");
        workload.projectStatus(p5, "cancelled");

        // one update of each kind of aggregate (PUT with If-Match), so that every event type is published
        JsonNode zone = api().get(Service.PROJECT, "/api/v1/zones/" + otherDistrict, editor).expect(200).json();
        ObjectNode zoneUpdate = ((ObjectNode) zone.deepCopy());
        zoneUpdate.retain("code", "kind", "parentCode", "areaKm2", "population", "regionCode", "description");
        zoneUpdate.put("name", "Renamed " + otherDistrict);
        api().put(Service.PROJECT, "/api/v1/zones/" + otherDistrict, editor, "\"1\"", zoneUpdate).expect(200);
        JsonNode list = api().get(Service.PROJECT, "/api/v1/programmes/" + programme, editor).expect(200).json();
        ObjectNode listUpdate = ((ObjectNode) list.deepCopy());
        listUpdate.retain("code", "zoneCode", "publishedOn", "declared", "categories");
        listUpdate.withArray("categories").forEach(c -> ((ObjectNode) c).retain("code", "name", "declared"));
        listUpdate.put("name", "Renamed " + programme);
        api().put(Service.PROJECT, "/api/v1/programmes/" + programme, editor, "\"1\"", listUpdate).expect(200);
        ObjectNode projectUpdate = Workload.projectBody(p3, district, programme, ecology, "identification",
                Money.cny("450.50"));
        projectUpdate.put("description", "Replaced as a whole by the system tests");
        api().put(Service.PROJECT, "/api/v1/projects/" + p3, editor, "\"1\"", projectUpdate).expect(200);
        String plan = workload.plan(Workload.uniqueCode("e2e-plan"), city);
        api().put(Service.PROJECT, "/api/v1/plans/" + plan, editor, "\"1\"",
                Workload.planBody(plan, city).put("title", "Renamed " + plan)).expect(200);
        api().post(Service.PROJECT, "/api/v1/plans/" + plan + "/observations", editor, Api.parse("""
                {"indicatorCode": "population", "observations": [{"date": "2023-12-31", "value": "12150000",
                 "source": "statistical bulletin"}]}""")).expect(200);

        String investor = workload.investor("Chongqing Caijia Investment Co.");
        String foreign = workload.investor("Harbour Infrastructure Partners");
        api().put(Service.INVESTMENT, "/api/v1/investors/" + foreign, editor, "\"1\"",
                Api.object().put("name", "Harbour Infrastructure Partners Ltd").put("kind", "FOREIGN")
                        .put("country", "SG")).expect(200);

        // every stage move, amendments of both amounts, disbursements, withdrawals from three stages
        String a1 = workload.intend(p1, investor, Money.cny("1000000.10"), LocalDate.parse("2022-07-15"));
        workload.sign(a1, Money.cny("900000.05"), LocalDate.parse("2022-08-01"));
        workload.amend(a1, null, Money.cny("950000.05"));
        workload.disburse(a1, Money.cny("100000.00"), LocalDate.parse("2022-08-20"));
        workload.start(a1, LocalDate.parse("2022-09-01"));
        workload.disburse(a1, Money.cny("250000.25"), LocalDate.parse("2022-10-02"));
        workload.operate(a1, LocalDate.parse("2023-01-10"));
        workload.disburse(a1, Money.cny("0.01"), LocalDate.parse("2023-02-28"));

        String a2 = workload.intend(p2, investor, Money.cny("500.00"), LocalDate.parse("2022-07-20"));
        workload.amend(a2, Money.cny("750.00"), null);
        workload.sign(a2, Money.cny("700.00"), LocalDate.parse("2022-11-11"));
        workload.start(a2, LocalDate.parse("2022-12-01"));
        workload.withdraw(a2, LocalDate.parse("2023-02-01"));

        String a3 = workload.intend(p3, foreign, Money.cny("2000.00"), LocalDate.parse("2022-10-05"));
        workload.amend(a3, Money.cny("2100.00"), null);

        String a4 = workload.intend(p4, foreign, Money.usd("1200000.00"), LocalDate.parse("2022-08-08"));
        workload.sign(a4, Money.usd("1150000.00"), LocalDate.parse("2022-09-09"));
        workload.disburse(a4, Money.usd("50000.00"), LocalDate.parse("2022-09-30"));

        String a5 = workload.intend(p4, investor, Money.usd("300.00"), LocalDate.parse("2023-01-05"));
        workload.withdraw(a5, LocalDate.parse("2023-01-20"));

        String a6 = workload.intend(p1, foreign, Money.cny("10.01"), LocalDate.parse("2022-07-31"));
        workload.sign(a6, Money.cny("10.01"), LocalDate.parse("2022-07-31"));
        workload.disburse(a6, Money.cny("5.00"), LocalDate.parse("2022-08-02"));
        workload.withdraw(a6, LocalDate.parse("2022-08-03"));

        keys.put("zones.v1", city);
        keys.put("programmes.v1", programme);
        keys.put("projects.v1", p1);
        keys.put("plans.v1", plan);
        keys.put("investors.v1", foreign);
        keys.put("agreements.v1", a1);
    }

    @Test
    void zoneReportsConvergeToTheFiguresSentWithSubzoneRollUps() {
        for (String zone : List.of(newArea, district, otherDistrict, city)) {
            reports.awaitZone(ledger, zone);
        }
        // the roll-up is real: the city holds both districts' agreements, in both currencies
        Map<String, Object> cityFigures = ledger.zoneFigures(city, true);
        assertThat(cityFigures.toString()).contains("CNY", "USD");
        JsonNode report = reports.zone(city, true);
        assertThat(report.path("asOf").asText()).as("asOf").isNotEmpty();
        assertThat(Instant.parse(report.path("asOf").asText())).isBefore(Instant.now().plusSeconds(5));
    }

    @Test
    void programmeReportComparesDeclaredWithRegisteredPerCategory() {
        reports.awaitProgramme(ledger, programme);
        Map<String, Object> expected = ledger.programmeFigures(programme);
        assertThat(expected.get("matches")).as("the scenario registers less than it declares").isEqualTo(false);
    }

    @Test
    void timeSeriesGroupByIntendedSignedAndReceivedDates() {
        reports.awaitZone(ledger, city);
        for (String metric : List.of("intended", "signed", "fundsInPlace")) {
            for (String interval : List.of("month", "quarter", "year")) {
                reports.awaitTimeseries(ledger, city, metric, interval, true);
            }
            reports.awaitTimeseries(ledger, district, metric, "month", false);
        }
    }

    @Test
    void allZonesAsJsonAndCsvCarryTheSameFigures() {
        reports.awaitZone(ledger, city);
        await("all-zones JSON").atMost(Reports.CONVERGENCE).untilAsserted(() -> {
            for (boolean subzones : List.of(true, false)) {
                Map<String, JsonNode> rows = allZones(subzones);
                for (String zone : ledger.zones()) {
                    assertThat(rows).containsKey(zone);
                    assertThat(Figures.zone(rows.get(zone))).as("row of %s, includeSubzones=%s", zone, subzones)
                            .isEqualTo(ledger.zoneFigures(zone, subzones));
                    assertThat(Figures.revisions(rows.get(zone))).as("revisions of %s, includeSubzones=%s", zone,
                            subzones).isEqualTo(ledger.revisions(zone, subzones));
                }
            }
        });
        await("all-zones CSV").atMost(Reports.CONVERGENCE).untilAsserted(() -> {
            Api.Reply csv = api().send(new Api.Call(Service.REPORTING, "GET", "/api/v1/reports/zones")
                    .token(tokens().viewer()).header("Accept", "text/csv")).expect(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv.body())).getRecords();
            Map<String, CSVRecord> byZone = new HashMap<>();
            records.forEach(r -> byZone.put(r.get("zone"), r));
            assertThat(byZone).as("one CSV row per zone").hasSameSizeAs(allZones(true));
            for (String zone : ledger.zones()) {
                CSVRecord row = byZone.get(zone);
                assertThat(row).as("CSV row of %s", zone).isNotNull();
                Map<String, Object> figures = new LinkedHashMap<>(ledger.zoneFigures(zone, true));
                figures.put("revisions", ledger.revisions(zone, true));
                Map<String, String> expected = flatten(figures, row.getParser().getHeaderNames());
                Map<String, String> actual = new LinkedHashMap<>();
                expected.keySet().forEach(column -> actual.put(column, row.get(column)));
                assertThat(actual).as("CSV row of %s", zone).isEqualTo(expected);
            }
        });
    }

    /** Every row of the paged all-zones report, by zone. */
    private Map<String, JsonNode> allZones(boolean subzones) {
        Map<String, JsonNode> rows = new HashMap<>();
        long total;
        int page = 0;
        do {
            JsonNode answer = api().get(Service.REPORTING, "/api/v1/reports/zones?size=500&page=" + page
                    + "&includeSubzones=" + subzones, tokens().viewer()).expect(200).json();
            answer.path("items").forEach(row -> rows.put(row.path("zone").asText(), row));
            total = answer.path("total").asLong();
            page++;
        } while ((long) page * 500 < total);
        assertThat(rows).as("one row per zone").hasSize((int) total);
        return rows;
    }

    /**
     * One write is one trace across the services: the agreement's POST to investment-service (its server span and
     * its insert into the outbox), the relay's publish of agreements.v1, reporting-service's application of it and
     * the relay's publish of the zone summary it caused, all in the trace the caller started.
     */
    @Test
    void oneWriteIsOneTraceFromTheRequestToTheZoneSummaryItCauses() {
        String zone = workload.zone(Workload.uniqueCode("e2e-traced"), null, "CITY");
        String project = workload.project(Workload.uniqueCode("e2e-traced-p"), zone, null, null, "identification",
                Money.cny("10.00"));
        String investor = workload.investor("Traced Infrastructure Fund");
        // the zone and the project are applied first: the agreement is the zone's last change
        reports.awaitZone(ledger, zone);
        TraceReceiver traces = suite().traces();
        String traceId = traces.newTrace();
        LocalDate on = LocalDate.parse("2024-03-01");
        String id = api().send(new Api.Call(Service.INVESTMENT, "POST", "/api/v1/agreements")
                .token(tokens().editor()).header("traceparent", TraceReceiver.traceparent(traceId))
                .json(Workload.intendBody(project, investor, Money.cny("5.00"), on, null)))
                .expect(201).json().get("id").asText();
        ledger.intended(id, project, Money.cny("5.00"), on);

        await("the spans of the agreement's trace").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    List<TraceReceiver.ReceivedSpan> spans = traces.spans(traceId);
                    assertThat(spans).as("spans of trace %s", traceId)
                            .anySatisfy(span -> isSpan(span, "investment-service", SpanKind.SPAN_KIND_SERVER,
                                    "POST /api/v1/agreements"))
                            .anySatisfy(span -> {
                                assertThat(span.service()).isEqualTo("investment-service");
                                assertThat(span.kind()).isEqualTo(SpanKind.SPAN_KIND_CLIENT);
                                assertThat(span.name()).as("the write's SQL statements").matches("INSERT .*outbox");
                            })
                            .anySatisfy(span -> isSpan(span, "investment-service", SpanKind.SPAN_KIND_PRODUCER,
                                    "agreements.v1 publish"))
                            .anySatisfy(span -> isSpan(span, "reporting-service", SpanKind.SPAN_KIND_CONSUMER,
                                    "agreements.v1 process"))
                            .anySatisfy(span -> isSpan(span, "reporting-service", SpanKind.SPAN_KIND_PRODUCER,
                                    "zone-summaries.v1 publish"));
                });
        reports.awaitZone(ledger, zone);
    }

    private static void isSpan(TraceReceiver.ReceivedSpan span, String service, SpanKind kind, String name) {
        assertThat(span.service()).isEqualTo(service);
        assertThat(span.kind()).isEqualTo(kind);
        assertThat(span.name()).isEqualTo(name);
    }

    @Test
    void everyTopicLooksToAConsumerAsTheContractSays() {
        reports.awaitZone(ledger, city);
        String viewer = tokens().viewer();
        Map<String, String> paths = Map.of("zones.v1", "/api/v1/zones/", "programmes.v1", "/api/v1/programmes/",
                "projects.v1", "/api/v1/projects/", "plans.v1", "/api/v1/plans/", "investors.v1", "/api/v1/investors/",
                "agreements.v1", "/api/v1/agreements/");
        Map<String, Service> owners = Map.of("zones.v1", Service.PROJECT, "programmes.v1", Service.PROJECT,
                "projects.v1", Service.PROJECT, "plans.v1", Service.PROJECT, "investors.v1", Service.INVESTMENT,
                "agreements.v1", Service.INVESTMENT);
        Map<String, Long> currentVersions = new HashMap<>();
        keys.forEach((topic, key) -> currentVersions.put(topic, api().get(owners.get(topic), paths.get(topic) + key,
                viewer).expect(200).json().path("version").asLong()));
        // the reports converging proves only the events that move their figures (renames and replacements move
        // none, and each service relays on its own): the topics are read until they hold every event type of the
        // scenario and the current version of each aggregate followed below
        // what the services declare in their AsyncAPI documents: each topic's producer and event types
        AsyncApi.Topics declared = AsyncApi.read(api());
        assertThat(declared.producers().keySet()).as("topics the AsyncAPI documents declare")
                .containsExactlyInAnyOrderElementsOf(EventLog.TOPICS);
        EventLog log = new EventLog(suite());
        List<ConsumerRecord<String, String>> records = await("every event of the scenario on the topics")
                .atMost(Reports.CONVERGENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                .until(() -> log.readAll(EventLog.TOPICS), all -> holdsTheScenario(all, declared.allTypes(), currentVersions));
        Set<String> ids = new HashSet<>();
        Map<String, Long> versions = new HashMap<>();
        Set<String> typesSeen = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            String where = record.topic() + "/" + record.partition() + "@" + record.offset();
            assertThat(record.key()).as("key of %s", where).isNotBlank();
            assertThat(EventLog.header(record, "ce_specversion")).as("ce_specversion of %s", where).isEqualTo("1.0");
            String id = EventLog.header(record, "ce_id");
            assertThat(id).as("ce_id of %s", where).isNotNull();
            assertThat(UUID.fromString(id).toString()).as("ce_id of %s is a UUID", where).isEqualToIgnoringCase(id);
            assertThat(ids.add(id)).as("ce_id %s of %s is unique", id, where).isTrue();
            assertThat(EventLog.header(record, "ce_source")).as("ce_source of %s", where)
                    .isEqualTo("/" + declared.producers().get(record.topic()).id());
            String type = EventLog.header(record, "ce_type");
            assertThat(type).as("ce_type of %s", where).startsWith(EventSchemas.PREFIX);
            assertThat(declared.types().get(record.topic())).as("ce_type of %s, as the producer's AsyncAPI declares", where)
                    .contains(type.substring(EventSchemas.PREFIX.length()));
            typesSeen.add(type.substring(EventSchemas.PREFIX.length()));
            assertThat(EventLog.header(record, "ce_subject")).as("ce_subject of %s", where).isEqualTo(record.key());
            assertThat(Instant.parse(EventLog.header(record, "ce_time"))).as("ce_time of %s", where)
                    .isBefore(Instant.now().plusSeconds(5));
            assertThat(EventLog.header(record, "content-type")).as("content-type of %s", where)
                    .startsWith("application/json");
            assertThat(EventSchemas.errors(type, record.value())).as("%s (%s) against its schema: %s", where, type,
                    record.value()).isEmpty();
            String dataschema = EventLog.header(record, "ce_dataschema");
            assertThat(dataschema).as("ce_dataschema of %s", where).isEqualTo(suite().url(declared.producers().get(record.topic()))
                    + "/api/v1/schemas/events/" + type.substring(EventSchemas.PREFIX.length()));
            assertThat(EventSchemas.errorsAgainst(dataschema, record.value()))
                    .as("%s (%s) against the schema fetched from %s", where, type, dataschema).isEmpty();
            JsonNode value = Api.parse(record.value());
            // the reports' topics (a zone's summary, its findings) carry no version: the last record of a zone is current
            boolean report = record.topic().equals("zone-summaries.v1") || record.topic().equals("zone-findings.v1");
            String keyField = report ? "zone"
                    : record.topic().startsWith("investors") || record.topic().startsWith("agreements") ? "id"
                    : "code";
            assertThat(value.path(keyField).asText()).as("%s of %s equals the key", keyField, where)
                    .isEqualTo(record.key());
            if (!report) {
                long version = value.path("version").asLong();
                Long previous = versions.put(record.topic() + "|" + record.key(), version);
                assertThat(version).as("version of %s after %s for key %s", where, previous, record.key())
                        .isGreaterThan(previous == null ? 0 : previous);
            }
        }
        assertThat(typesSeen).as("every event type the AsyncAPI documents declare was published")
                .containsAll(declared.allTypes());

        // the value of an aggregate's last event is its GET representation at that version
        keys.forEach((topic, key) -> {
            List<ConsumerRecord<String, String>> events = records.stream()
                    .filter(r -> r.topic().equals(topic) && key.equals(r.key())).toList();
            assertThat(events).as("events of %s on %s", key, topic).isNotEmpty();
            for (int i = 0; i < events.size(); i++) {
                assertThat(Api.parse(events.get(i).value()).path("version").asLong())
                        .as("versions of %s on %s have no gap", key, topic).isEqualTo(i + 1);
            }
            JsonNode current = api().get(owners.get(topic), paths.get(topic) + key, viewer).expect(200).json();
            JsonNode last = Api.parse(events.get(events.size() - 1).value());
            if (topic.equals("zones.v1")) {
                // children are derived from the children's parentCode: a new child makes no new version of its
                // parent (project-service README), so they are the one field an event cannot carry forward
                ((ObjectNode) current).remove("children");
                ((ObjectNode) last).remove("children");
            }
            assertThat(last).as("last event of %s = GET", key).isEqualTo(current);
        });
        // a subscriber outside the suite (examples/event-consumer: the CloudEvents Java SDK, schemas fetched from
        // ce_dataschema) reads the same events and finds nothing wrong with any of them
        Properties settings = new Properties();
        settings.put("bootstrap.servers", suite().kafkaBootstrapServers());
        List<TopicReader.Read> reads = new TopicReader(settings).readToEnd(EventLog.TOPICS, Reports.CONVERGENCE);
        keys.forEach((topic, key) -> {
            List<TopicReader.Read> ofKey = reads.stream()
                    .filter(read -> read.topic().equals(topic) && key.equals(read.key())).toList();
            assertThat(ofKey).as("%s on %s through the CloudEvents SDK", key, topic).hasSize(
                    (int) records.stream().filter(r -> r.topic().equals(topic) && key.equals(r.key())).count());
            ofKey.forEach(read -> assertThat(read.problems()).as("%s/%d@%d as a subscriber checks it", read.topic(),
                    read.partition(), read.offset()).isEmpty());
        });
        assertThat(reads).filteredOn(read -> ledger.zones().contains(read.key())
                && read.topic().equals("zone-summaries.v1")).as("the scenario's zone summaries")
                .isNotEmpty().allSatisfy(read -> assertThat(read.problems()).isEmpty());

        // the summaries topic carries the reports of the scenario's zones
        await().atMost(Reports.CONVERGENCE).untilAsserted(() -> {
            Map<String, JsonNode> latest = new HashMap<>();
            log.readAll("zone-summaries.v1").forEach(r -> latest.put(r.key(), Api.parse(r.value())));
            for (String zone : ledger.zones()) {
                assertThat(latest).containsKey(zone);
                assertThat(Figures.zone(latest.get(zone))).as("latest summary of %s", zone)
                        .isEqualTo(ledger.zoneFigures(zone, true));
            }
        });
    }

    /**
     * Whether {@code records} carry every event type of the scenario, and for each key followed (by topic) an event
     * of the version it has now.
     */
    private boolean holdsTheScenario(List<ConsumerRecord<String, String>> records, Set<String> declaredTypes,
            Map<String, Long> currentVersions) {
        Set<String> types = new HashSet<>();
        Map<String, Long> latest = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            String type = EventLog.header(record, "ce_type");
            if (type != null && type.startsWith(EventSchemas.PREFIX)) {
                types.add(type.substring(EventSchemas.PREFIX.length()));
            }
            if (record.key() != null && record.key().equals(keys.get(record.topic()))) {
                try {
                    latest.merge(record.topic(), Api.parse(record.value()).path("version").asLong(), Math::max);
                } catch (IllegalArgumentException notJson) {
                    // the assertions on every record say what is wrong with it
                }
            }
        }
        return types.containsAll(declaredTypes)
                && currentVersions.entrySet().stream()
                        .allMatch(current -> current.getValue().equals(latest.get(current.getKey())));
    }

    /** The figures as the CSV's dotted columns: an absent currency is 0.00, an absent ratio is empty. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> flatten(Map<String, Object> figures, List<String> header) {
        Map<String, String> flat = new LinkedHashMap<>();
        for (String column : header) {
            if (column.equals("name") || column.equals("asOf")) {
                continue;
            }
            Object value = figures;
            String[] parts = column.split("\\.");
            for (int i = 0; i < parts.length && value != null; i++) {
                value = value instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(parts[i]) : null;
            }
            boolean amount = column.matches(".*\\.(amount|estimatedInvestment|fundsInPlace|original|current|change)"
                    + "\\.[A-Z]{3}");
            boolean ratio = column.startsWith("rates.");
            boolean count = column.startsWith("revisions.amendments.");
            boolean today = column.equals("asOfDate"); // asked without asOf: the report as of now names no day
            flat.put(column, value != null ? value.toString() : amount ? "0.00" : count ? "0" : ratio || today ? "" : "?");
        }
        return flat;
    }
}
