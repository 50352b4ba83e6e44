package org.urbaninvest.investment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.urbaninvest.investment.Fixtures.asEditor;
import static org.urbaninvest.investment.Fixtures.asViewer;
import static org.urbaninvest.investment.Fixtures.investor;
import static org.urbaninvest.investment.Fixtures.money;
import static org.urbaninvest.investment.Fixtures.project;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.KafkaTestClient;
import org.urbaninvest.testsupport.Tokens;

/** {@code POST /api/v1/agreements/import}, against the real PostgreSQL and Kafka of the tests. */
@QuarkusTest
class AgreementImportTest {

    static final List<String> COLUMNS = List.of("record", "investorId", "reference", "projectCode", "stage",
            "intendedAmount", "intendedCurrency", "intendedOn", "signedAmount", "signedCurrency", "signedOn",
            "startedOn", "operationalOn", "withdrawnOn", "withdrawalReason", "disbursementReference", "amount",
            "currency", "receivedOn", "amendmentReason");
    static final String HEADER = String.join(",", COLUMNS) + "\n";
    private static final String ZONE = "import-zone";

    /** A line of the file from column/value pairs; the other columns are empty. */
    static String line(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            assertThat(COLUMNS).as("column " + pairs[i]).contains(pairs[i]);
            values.put(pairs[i], pairs[i + 1]);
        }
        List<String> row = new ArrayList<>();
        COLUMNS.forEach(column -> row.add(values.getOrDefault(column, "")));
        return String.join(",", row) + "\n";
    }

    static String intended(String investor, String reference, String project, String amount) {
        return line("record", "agreement", "investorId", investor, "reference", reference, "projectCode", project,
                "stage", "INTENDED", "intendedAmount", amount, "intendedCurrency", "CNY", "intendedOn", "2022-03-01");
    }

    static String started(String investor, String reference, String project, String intended, String signed) {
        return line("record", "agreement", "investorId", investor, "reference", reference, "projectCode", project,
                "stage", "STARTED", "intendedAmount", intended, "intendedCurrency", "CNY", "intendedOn", "2022-03-01",
                "signedAmount", signed, "signedCurrency", "CNY", "signedOn", "2022-04-01", "startedOn", "2022-05-01",
                "amendmentReason", "revised");
    }

    static String disbursement(String investor, String reference, String disbursement, String amount) {
        return line("record", "disbursement", "investorId", investor, "reference", reference,
                "disbursementReference", disbursement, "amount", amount, "currency", "CNY", "receivedOn", "2022-06-01");
    }

    static ValidatableResponse importing(String csv, boolean dryRun) {
        return importing(Tokens.editor(), csv, dryRun);
    }

    static ValidatableResponse importing(String token, String csv, boolean dryRun) {
        return given().auth().oauth2(token).contentType("text/csv").body(csv)
                .post("/api/v1/agreements/import?dryRun=" + dryRun).then();
    }

    /** The investor's agreements, as the list shows them. */
    private static List<Map<String, Object>> agreementsOf(String investor) {
        return asViewer().queryParam("investor", investor).get("/api/v1/agreements").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static String idOf(String investor, String reference) {
        return agreementsOf(investor).stream().filter(a -> reference.equals(a.get("reference")))
                .map(a -> (String) a.get("id")).findFirst().orElseThrow();
    }

    private static JsonPath read(String id) {
        return asViewer().get("/api/v1/agreements/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void createsMovesForwardAmendsAndLeavesUnchangedLinesAlone() {
        String project = project(ZONE);
        String investor = investor();
        importing(HEADER + intended(investor, "A-1", project, "100.00") + started(investor, "A-2", project, "100.00",
                        "90.00") + disbursement(investor, "A-2", "D-1", "10.00"), false)
                .statusCode(200).body("dryRun", equalTo(false)).body("created", equalTo(2))
                .body("disbursed", equalTo(1)).body("moved", equalTo(0)).body("unchanged", equalTo(0));
        String first = idOf(investor, "A-1");
        String second = idOf(investor, "A-2");
        asViewer().get("/api/v1/agreements/" + second).then().statusCode(200).header("ETag", "\"4\"")
                .body("stage", equalTo("STARTED")).body("zoneCode", equalTo(ZONE))
                .body("history.action", contains("intended", "signed", "started"))
                .body("disbursements.reference", contains("D-1")).body("fundsInPlace.amount", equalTo("10.00"));

        // the first moves forward to STARTED with a revised intended amount; the second only gets funds
        String file = HEADER + started(investor, "A-1", project, "120.00", "90.00")
                + started(investor, "A-2", project, "100.00", "90.00") + disbursement(investor, "A-2", "D-1", "10.00")
                + disbursement(investor, "A-2", "D-2", "5.00");
        importing(file, false).statusCode(200).body("created", equalTo(0)).body("moved", equalTo(1))
                .body("amended", equalTo(1)).body("disbursed", equalTo(1)).body("unchanged", equalTo(2));
        asViewer().get("/api/v1/agreements/" + first).then().statusCode(200).header("ETag", "\"4\"")
                .body("stage", equalTo("STARTED")).body("intendedAmount.amount", equalTo("120.00"))
                .body("history.action", contains("intended", "amended", "signed", "started"))
                .body("history[1].reason", equalTo("revised"))
                .body("history[1].changes.intendedAmount.from.amount", equalTo("100.00"));
        asViewer().get("/api/v1/agreements/" + second).then().statusCode(200).header("ETag", "\"5\"")
                .body("fundsInPlace.amount", equalTo("15.00"));

        // the same file again: nothing changes, and no event is published (the next event is the next version)
        JsonPath before = read(first);
        importing(file, false).statusCode(200).body("unchanged", equalTo(4)).body("created", equalTo(0))
                .body("moved", equalTo(0)).body("amended", equalTo(0)).body("disbursed", equalTo(0));
        assertThat(read(first).getMap("")).isEqualTo(before.getMap(""));
        Fixtures.move(first, "operate", Map.of("operationalOn", "2022-09-01"));
        List<ConsumerRecord<String, String>> events = KafkaTestClient.ofTestInfrastructure()
                .awaitRecordsWithKey("agreements.v1", first, 5);
        assertThat(events).extracting(e -> JsonPath.from(e.value()).getInt("version")).containsExactly(1, 2, 3, 4, 5);
        assertThat(Fixtures.types(events)).containsExactly("org.urbaninvest.agreement.intended",
                "org.urbaninvest.agreement.amended", "org.urbaninvest.agreement.signed",
                "org.urbaninvest.agreement.started", "org.urbaninvest.agreement.operational");
        events.forEach(event -> Fixtures.assertValidEvent(event, first));
    }

    @Test
    void publishesTheEventsTheApiPublishesForTheSameChanges() {
        String project = project(ZONE);
        String investor = investor();
        String byApi = asEditor().body(Map.of("projectCode", project, "investorId", investor,
                        "intendedAmount", money("100.00", "CNY"), "intendedOn", "2022-03-01", "reference", "API-1"))
                .post("/api/v1/agreements").then().statusCode(201).extract().path("id");
        Fixtures.sign(byApi, "90.00", "2022-04-01");
        Fixtures.move(byApi, "start", Map.of("startedOn", "2022-05-01"));
        Fixtures.move(byApi, "amend", Map.of("signedAmount", money("80.00", "CNY"), "reason", "revised"));
        asEditor().body(Map.of("amount", money("10.00", "CNY"), "receivedOn", "2022-06-01", "reference", "D-1"))
                .post("/api/v1/agreements/" + byApi + "/disbursements").then().statusCode(201);

        importing(HEADER + started(investor, "CSV-1", project, "100.00", "90.00"), false).statusCode(200);
        importing(HEADER + started(investor, "CSV-1", project, "100.00", "80.00")
                + disbursement(investor, "CSV-1", "D-1", "10.00"), false).statusCode(200)
                .body("amended", equalTo(1)).body("disbursed", equalTo(1));
        String byImport = idOf(investor, "CSV-1");

        KafkaTestClient kafka = KafkaTestClient.ofTestInfrastructure();
        List<ConsumerRecord<String, String>> api = kafka.awaitRecordsWithKey("agreements.v1", byApi, 5);
        List<ConsumerRecord<String, String>> imported = kafka.awaitRecordsWithKey("agreements.v1", byImport, 5);
        assertThat(Fixtures.types(imported)).containsExactlyElementsOf(Fixtures.types(api)).hasSize(5);
        assertThat(imported.stream().map(e -> comparable(e.value())).toList())
                .isEqualTo(api.stream().map(e -> comparable(e.value())).toList());
        imported.forEach(event -> Fixtures.assertValidEvent(event, byImport));
        assertThat(JsonPath.from(imported.get(4).value()).getMap("")).isEqualTo(read(byImport).getMap(""));
    }

    /** An event's value without what differs between two agreements by nature: ids, reference, times. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> comparable(String value) {
        Map<String, Object> snapshot = new LinkedHashMap<>(JsonPath.from(value).getMap(""));
        List.of("id", "reference", "createdAt", "updatedAt").forEach(snapshot::remove);
        snapshot.put("history", ((List<Map<String, Object>>) snapshot.get("history")).stream().map(entry -> {
            Map<String, Object> copy = new LinkedHashMap<>(entry);
            copy.remove("at");
            return copy;
        }).toList());
        snapshot.put("disbursements", ((List<Map<String, Object>>) snapshot.get("disbursements")).stream().map(d -> {
            Map<String, Object> copy = new LinkedHashMap<>(d);
            copy.remove("id");
            copy.remove("recordedAt");
            return copy;
        }).toList());
        return snapshot;
    }

    @Test
    void refusesTheWholeFileListingEveryBadLineAndChangesNothing() {
        String project = project(ZONE);
        String investor = investor();
        importing(HEADER + started(investor, "B-1", project, "100.00", "90.00"), false).statusCode(200);
        String stored = idOf(investor, "B-1");
        JsonPath before = read(stored);

        String file = HEADER
                + intended(investor, "B-2", project, "50.00")                          // 2: fine on its own
                + line("record", "agreement", "investorId", investor, "reference", "B-1", "projectCode", project,
                        "stage", "SIGNED", "intendedAmount", "100.00", "intendedCurrency", "CNY",
                        "intendedOn", "2022-03-01", "signedAmount", "90.00", "signedCurrency", "CNY",
                        "signedOn", "2022-04-01")                                     // 3: back from STARTED
                + intended(investor, "B-3", project, "12.345")                        // 4: bad amount
                + intended(UUID.randomUUID().toString(), "B-4", project, "1.00")      // 5: unknown investor
                + intended(investor, "B-2", project, "50.00")                          // 6: repeats line 2
                + line("record", "agreement", "investorId", investor, "reference", "B-5", "projectCode", project,
                        "stage", "SIGNED", "intendedAmount", "1.00", "intendedCurrency", "CNY",
                        "intendedOn", "2022-03-01", "signedAmount", "1.00", "signedCurrency", "CNY",
                        "signedOn", "2022-02-01")                                     // 7: signed before intended
                + line("record", "payment", "investorId", investor, "reference", "B-1")  // 8: unknown record
                + disbursement(investor, "B-9", "D-1", "1.00");                        // 9: no such agreement
        importing(file, false).statusCode(422).contentType("application/problem+json")
                .body("lines.line", contains(3, 4, 5, 6, 7, 8, 9))
                .body("lines[0].errors.field", contains("stage"))
                .body("lines[0].errors[0].message", containsString("forward only"))
                .body("lines[1].errors.field", contains("intendedAmount"))
                .body("lines[2].errors.field", contains("investorId"))
                .body("lines[3].errors.field", contains("reference"))
                .body("lines[4].errors.field", contains("signedOn"))
                .body("lines[5].errors.field", contains("record"))
                .body("lines[6].errors.field", contains("reference"));
        assertThat(read(stored).getMap("")).isEqualTo(before.getMap(""));
        assertThat(agreementsOf(investor)).extracting(a -> a.get("reference")).containsExactly("B-1");

        // a refused file changes nothing even where its earlier lines were valid and already written: the
        // agreement lines are written before the disbursement lines are applied
        String late = HEADER + started(investor, "B-1", project, "100.00", "70.00")
                + intended(investor, "B-6", project, "5.00")
                + line("record", "disbursement", "investorId", investor, "reference", "B-1",
                        "disbursementReference", "D-1", "amount", "1.00", "currency", "USD", "receivedOn", "2022-06-01");
        importing(late, false).statusCode(422).body("lines.line", contains(4))
                .body("lines[0].errors.field", contains("currency"));
        assertThat(read(stored).getMap("")).isEqualTo(before.getMap(""));
        assertThat(agreementsOf(investor)).hasSize(1);
    }

    @Test
    void aDryRunCountsWhatItWouldDoAndStoresNothing() {
        String project = project(ZONE);
        String investor = investor();
        importing(HEADER + intended(investor, "C-1", project, "100.00"), false).statusCode(200);
        String stored = idOf(investor, "C-1");
        JsonPath before = read(stored);

        String file = HEADER + started(investor, "C-1", project, "100.00", "90.00")
                + intended(investor, "C-2", project, "10.00") + disbursement(investor, "C-1", "D-1", "1.00");
        importing(file, true).statusCode(200).body("dryRun", equalTo(true)).body("created", equalTo(1))
                .body("moved", equalTo(1)).body("amended", equalTo(0)).body("disbursed", equalTo(1))
                .body("unchanged", equalTo(0));
        assertThat(read(stored).getMap("")).isEqualTo(before.getMap(""));
        assertThat(agreementsOf(investor)).hasSize(1);

        importing(HEADER + intended(investor, "C-3", project, "-1"), true).statusCode(422)
                .body("lines.line", contains(2)).body("lines[0].errors.field", contains("intendedAmount"));
    }

    @Test
    void aScopedEditorImportsOnlyInsideItsZones() {
        String inside = project(ZONE);
        String outside = project("import-elsewhere");
        String investor = investor();
        String token = Tokens.scoped("editor", ZONE);
        importing(token, HEADER + intended(investor, "E-1", inside, "1.00") + intended(investor, "E-2", outside, "1.00"),
                false).statusCode(403).contentType("application/problem+json").body("lines.line", contains(3))
                .body("lines[0].errors.field", contains("projectCode"));
        assertThat(agreementsOf(investor)).isEmpty();
        importing(token, HEADER + intended(investor, "E-1", inside, "1.00"), false).statusCode(200)
                .body("created", equalTo(1));
    }

    @Test
    void refusesAHeaderWithoutTheColumnsAndOtherRolesThanEditor() {
        importing("record,investorId\nagreement,x\n", false).statusCode(400)
                .body("errors.message", org.hamcrest.Matchers.hasItem("missing column reference"));
        given().auth().oauth2(Tokens.viewer()).contentType("text/csv").body(HEADER)
                .post("/api/v1/agreements/import").then().statusCode(403);
        importing(HEADER, false).statusCode(200).body("created", equalTo(0)).body("unchanged", equalTo(0));
    }
}
