package org.urbaninvest.investment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.urbaninvest.investment.Fixtures.agreement;
import static org.urbaninvest.investment.Fixtures.asEditor;
import static org.urbaninvest.investment.Fixtures.asViewer;
import static org.urbaninvest.investment.Fixtures.investor;
import static org.urbaninvest.investment.Fixtures.money;
import static org.urbaninvest.investment.Fixtures.move;
import static org.urbaninvest.investment.Fixtures.project;
import static org.urbaninvest.investment.Fixtures.sign;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.KafkaTestClient;

@QuarkusTest
class AgreementLifecycleTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String ZONE = "taiyuan-xinzhou";

    private static JsonPath read(String id) {
        return asViewer().get("/api/v1/agreements/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static ValidatableResponse post(String id, String action, Map<String, ?> body) {
        return asEditor().body(body).post("/api/v1/agreements/" + id + "/" + action).then();
    }

    /** Asserts a refused request left the agreement exactly as it was: every field of the representation. */
    private static void assertUnchanged(String id, JsonPath before) {
        assertThat(read(id).getMap("")).as("agreement " + id + " after a refused request")
                .isEqualTo(before.getMap(""));
    }

    /** A refused stage move: 409 naming the stage the agreement is in and the one it cannot reach. */
    private static void assertCannotMove(ValidatableResponse response, String stage, String next) {
        response.statusCode(409).contentType(PROBLEM).body("status", equalTo(409))
                .body("detail", containsString("is " + stage + " and cannot become " + next));
    }

    @Test
    void anInvestorsReferenceTakenIs409AndChangesNothing() {
        String project = project(ZONE);
        String investor = investor();
        Map<String, Object> intention = Map.of("projectCode", project, "investorId", investor,
                "intendedAmount", money("100.00", "CNY"), "intendedOn", "2022-05-10", "reference", "TX-TAKEN");
        asEditor().body(intention).post("/api/v1/agreements").then().statusCode(201);
        asEditor().body(intention).post("/api/v1/agreements").then().statusCode(409).contentType(PROBLEM)
                .body("status", equalTo(409))
                .body("detail", equalTo("the investor already has an agreement with this reference"))
                .body("errors.field", contains("reference"));
        asViewer().queryParam("investor", investor).get("/api/v1/agreements").then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void movesFromIntentionToOperationAndPublishesEachMove() {
        String project = project(ZONE);
        String investor = investor();
        var created = asEditor().body(Map.of("projectCode", project, "investorId", investor,
                        "intendedAmount", money(120_000_000, "CNY"), "intendedOn", "2022-05-10",
                        "reference", "TX-2022-001"))
                .post("/api/v1/agreements").then().statusCode(201).header("ETag", "\"1\"")
                .body("stage", equalTo("INTENDED")).body("zoneCode", equalTo(ZONE))
                .body("projectCode", equalTo(project)).body("investorId", equalTo(investor))
                .body("intendedAmount.amount", equalTo("120000000.00"))
                .body("signedAmount", nullValue()).body("fundsInPlace.amount", equalTo("0.00"))
                .body("fundsInPlace.currency", equalTo("CNY")).body("history.action", contains("intended"))
                .body("history[0].actor", equalTo("editor-user")).body("version", equalTo(1))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/agreements/" + id);

        post(id, "sign", Map.of("signedAmount", money("95000000.50", "CNY"), "signedOn", "2022-06-01"))
                .statusCode(200).header("ETag", "\"2\"").body("stage", equalTo("SIGNED"))
                .body("signedAmount.amount", equalTo("95000000.50")).body("signedOn", equalTo("2022-06-01"))
                .body("fundsInPlace.amount", equalTo("0.00"));
        post(id, "start", Map.of("startedOn", "2022-06-01")).statusCode(200).body("stage", equalTo("STARTED"));
        post(id, "operate", Map.of("operationalOn", "2023-01-15")).statusCode(200)
                .body("stage", equalTo("OPERATIONAL")).body("version", equalTo(4));

        asViewer().get("/api/v1/agreements/" + id).then().statusCode(200).header("ETag", "\"4\"")
                .body("history.action", contains("intended", "signed", "started", "operational"))
                .body("history.stage", contains("INTENDED", "SIGNED", "STARTED", "OPERATIONAL"))
                .body("history.date", contains("2022-05-10", "2022-06-01", "2022-06-01", "2023-01-15"))
                .body("history[1].changes.signedAmount.to.amount", equalTo("95000000.50"))
                .body("history[1].changes.signedAmount.from", nullValue())
                .body("startedOn", equalTo("2022-06-01")).body("operationalOn", equalTo("2023-01-15"));

        List<ConsumerRecord<String, String>> events = KafkaTestClient.ofTestInfrastructure()
                .awaitRecordsWithKey("agreements.v1", id, 4);
        assertThat(Fixtures.types(events)).containsExactly("org.urbaninvest.agreement.intended",
                "org.urbaninvest.agreement.signed", "org.urbaninvest.agreement.started",
                "org.urbaninvest.agreement.operational");
        events.forEach(event -> Fixtures.assertValidEvent(event, id));
        // the event value is the GET representation at that version
        assertThat(JsonPath.from(events.get(3).value()).getMap("")).isEqualTo(read(id).getMap(""));
        assertThat(JsonPath.from(events.get(0).value()).getInt("version")).isEqualTo(1);
    }

    @Test
    void withdrawsFromEachOpenStageAndPublishes() {
        String investor = investor();
        String intended = agreement(project(ZONE), investor);
        post(intended, "withdraw", Map.of("withdrawnOn", "2022-03-01", "reason", "investor changed plans"))
                .statusCode(200).body("stage", equalTo("WITHDRAWN"))
                .body("withdrawalReason", equalTo("investor changed plans"))
                .body("history[1].reason", equalTo("investor changed plans"));

        String signed = agreement(project(ZONE), investor);
        sign(signed, "80.00", "2022-04-01");
        post(signed, "withdraw", Map.of("withdrawnOn", "2022-05-01", "reason", "financing failed"))
                .statusCode(200).body("stage", equalTo("WITHDRAWN")).body("signedAmount.amount", equalTo("80.00"));

        String started = agreement(project(ZONE), investor);
        sign(started, "80.00", "2022-04-01");
        move(started, "start", Map.of("startedOn", "2022-04-20"));
        JsonPath before = read(started);
        post(started, "withdraw", Map.of("withdrawnOn", "2022-04-19", "reason", "too early"))
                .statusCode(400).contentType(PROBLEM).body("errors.field", contains("withdrawnOn"));
        assertUnchanged(started, before);
        post(started, "withdraw", Map.of("withdrawnOn", "2022-04-20", "reason", "site unavailable"))
                .statusCode(200).body("stage", equalTo("WITHDRAWN"));

        List<ConsumerRecord<String, String>> events = KafkaTestClient.ofTestInfrastructure()
                .awaitRecordsWithKey("agreements.v1", started, 4);
        assertThat(Fixtures.types(events)).last().isEqualTo("org.urbaninvest.agreement.withdrawn");
        events.forEach(event -> Fixtures.assertValidEvent(event, started));
    }

    @Test
    void refusesIllegalMovesAndChangesNothing() {
        String investor = investor();
        String id = agreement(project(ZONE), investor);

        JsonPath before = read(id);
        assertCannotMove(post(id, "start", Map.of("startedOn", "2022-04-01")), "INTENDED", "STARTED");
        assertCannotMove(post(id, "operate", Map.of("operationalOn", "2022-04-01")), "INTENDED", "OPERATIONAL");
        assertUnchanged(id, before);

        sign(id, "90.00", "2022-04-01");
        before = read(id);
        assertCannotMove(post(id, "sign", Map.of("signedAmount", money("91.00", "CNY"), "signedOn", "2022-04-02")),
                "SIGNED", "SIGNED");
        assertCannotMove(post(id, "operate", Map.of("operationalOn", "2022-04-01")), "SIGNED", "OPERATIONAL");
        assertUnchanged(id, before);

        move(id, "withdraw", Map.of("withdrawnOn", "2022-05-01", "reason", "cancelled by the board"));
        before = read(id);
        assertCannotMove(post(id, "operate", Map.of("operationalOn", "2022-06-01")), "WITHDRAWN", "OPERATIONAL");
        assertCannotMove(post(id, "start", Map.of("startedOn", "2022-06-01")), "WITHDRAWN", "STARTED");
        assertCannotMove(post(id, "withdraw", Map.of("withdrawnOn", "2022-06-01", "reason", "again")), "WITHDRAWN",
                "WITHDRAWN");
        post(id, "disbursements", Map.of("amount", money("1.00", "CNY"), "receivedOn", "2022-06-01"))
                .statusCode(409).contentType(PROBLEM).body("detail", containsString("is WITHDRAWN; funds are"));
        post(id, "amend", Map.of("intendedAmount", money("10.00", "CNY"), "reason", "late")).statusCode(409)
                .contentType(PROBLEM).body("detail", containsString("is withdrawn; its amounts are final"));
        assertUnchanged(id, before);

        String operational = agreement(project(ZONE), investor);
        sign(operational, "90.00", "2022-04-01");
        move(operational, "start", Map.of("startedOn", "2022-05-01"));
        move(operational, "operate", Map.of("operationalOn", "2022-09-01"));
        before = read(operational);
        assertCannotMove(post(operational, "withdraw", Map.of("withdrawnOn", "2022-10-01", "reason", "late")),
                "OPERATIONAL", "WITHDRAWN");
        assertUnchanged(operational, before);
    }

    @Test
    void refusesDatesOutOfOrder() {
        String id = agreement(project(ZONE), investor()); // intended on 2022-03-01
        JsonPath before = read(id);
        post(id, "sign", Map.of("signedAmount", money("90.00", "CNY"), "signedOn", "2022-02-28"))
                .statusCode(400).contentType(PROBLEM).body("errors.field", contains("signedOn"));
        assertUnchanged(id, before);

        sign(id, "90.00", "2022-03-01");
        before = read(id);
        post(id, "start", Map.of("startedOn", "2022-02-01")).statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("startedOn"));
        assertUnchanged(id, before);

        move(id, "start", Map.of("startedOn", "2022-03-10"));
        before = read(id);
        post(id, "operate", Map.of("operationalOn", "2022-03-09")).statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("operationalOn"));
        post(id, "disbursements", Map.of("amount", money("5.00", "CNY"), "receivedOn", "2022-02-01"))
                .statusCode(400).contentType(PROBLEM).body("errors.field", contains("receivedOn"));
        assertUnchanged(id, before);
    }

    @Test
    void amendmentsReplaceTheAmounts() {
        String id = agreement(project(ZONE), investor()); // 100.00 CNY intended
        post(id, "amend", Map.of("intendedAmount", money("150", "CNY"), "reason", "second phase added"))
                .statusCode(200).body("intendedAmount.amount", equalTo("150.00")).body("version", equalTo(2))
                .body("stage", equalTo("INTENDED"))
                .body("history[1].action", equalTo("amended")).body("history[1].reason", equalTo("second phase added"))
                .body("history[1].date", nullValue())
                .body("history[1].changes.intendedAmount.from.amount", equalTo("100.00"))
                .body("history[1].changes.intendedAmount.to.amount", equalTo("150.00"));

        JsonPath before = read(id);
        post(id, "amend", Map.of("signedAmount", money("90.00", "CNY"), "reason", "not yet signed"))
                .statusCode(409).contentType(PROBLEM).body("detail", containsString("is not signed"));
        post(id, "amend", Map.of("intendedAmount", money("150", "CNY"), "reason", "the same again"))
                .statusCode(409).contentType(PROBLEM).body("detail", containsString("already has these amounts"));
        post(id, "amend", Map.of("intendedAmount", money("150.00", "USD"), "reason", "dollars"))
                .statusCode(400).contentType(PROBLEM).body("errors.field", contains("intendedAmount.currency"));
        post(id, "amend", Map.of("reason", "nothing")).statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("body"));
        post(id, "amend", Map.of("intendedAmount", money("10.00", "CNY"))).statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("reason"));
        post(id, "amend", Map.of("intendedAmount", money("-1.00", "CNY"), "reason", "negative")).statusCode(400)
                .contentType(PROBLEM).body("errors.field", contains("intendedAmount.amount"));
        assertUnchanged(id, before);

        sign(id, "140.00", "2022-04-01");
        post(id, "amend", Map.of("signedAmount", money("130.00", "CNY"), "intendedAmount", money("160.00", "CNY"),
                        "reason", "renegotiated"))
                .statusCode(200).body("signedAmount.amount", equalTo("130.00"))
                .body("intendedAmount.amount", equalTo("160.00")).body("stage", equalTo("SIGNED"))
                .body("history.action", contains("intended", "amended", "signed", "amended"));
        post(id, "amend", Map.of("signedAmount", money("125.00", "CNY"), "reason", "again"))
                .statusCode(200).body("signedAmount.amount", equalTo("125.00"));

        List<ConsumerRecord<String, String>> events = KafkaTestClient.ofTestInfrastructure()
                .awaitRecordsWithKey("agreements.v1", id, 5);
        assertThat(Fixtures.types(events)).containsExactly("org.urbaninvest.agreement.intended",
                "org.urbaninvest.agreement.amended", "org.urbaninvest.agreement.signed",
                "org.urbaninvest.agreement.amended", "org.urbaninvest.agreement.amended");
        events.forEach(event -> Fixtures.assertValidEvent(event, id));
    }

    @Test
    void recordsDisbursementsAsFundsInPlace() {
        String id = agreement(project(ZONE), investor());
        JsonPath before = read(id);
        post(id, "disbursements", Map.of("amount", money("10.00", "CNY"), "receivedOn", "2022-04-01"))
                .statusCode(409).contentType(PROBLEM).body("detail", containsString("is INTENDED; funds are"));
        assertUnchanged(id, before);

        sign(id, "90.00", "2022-04-01");
        before = read(id);
        post(id, "disbursements", Map.of("amount", money("10.00", "USD"), "receivedOn", "2022-04-02"))
                .statusCode(400).contentType(PROBLEM).body("errors.field", contains("amount.currency"));
        post(id, "disbursements", Map.of("amount", money("10.001", "CNY"), "receivedOn", "2022-04-02"))
                .statusCode(400).contentType(PROBLEM).body("errors.field", contains("amount.amount"));
        assertUnchanged(id, before);

        var response = asEditor().body(Map.of("amount", money("30.00", "CNY"), "receivedOn", "2022-04-02"))
                .post("/api/v1/agreements/" + id + "/disbursements").then().statusCode(201)
                .body("fundsInPlace.amount", equalTo("30.00")).body("disbursements.size()", equalTo(1))
                .extract();
        assertThat(response.header("Location")).endsWith("/api/v1/agreements/" + id);
        move(id, "start", Map.of("startedOn", "2022-05-01"));
        post(id, "disbursements", Map.of("amount", money(12.5, "CNY"), "receivedOn", "2022-05-03"))
                .statusCode(201).body("fundsInPlace.amount", equalTo("42.50"))
                .body("fundsInPlace.currency", equalTo("CNY"))
                .body("disbursements.receivedOn", contains("2022-04-02", "2022-05-03"))
                .body("disbursements.amount.amount", contains("30.00", "12.50"))
                .body("history.action", contains("intended", "signed", "started"))
                .body("version", equalTo(5));

        List<ConsumerRecord<String, String>> events = KafkaTestClient.ofTestInfrastructure()
                .awaitRecordsWithKey("agreements.v1", id, 5);
        assertThat(Fixtures.types(events)).containsExactly("org.urbaninvest.agreement.intended",
                "org.urbaninvest.agreement.signed", "org.urbaninvest.agreement.disbursement-recorded",
                "org.urbaninvest.agreement.started", "org.urbaninvest.agreement.disbursement-recorded");
        events.forEach(event -> Fixtures.assertValidEvent(event, id));
        assertThat(JsonPath.from(events.get(4).value()).getString("fundsInPlace.amount")).isEqualTo("42.50");
    }

    @Test
    void refusesBadInputAndStoresNothing() {
        String project = project(ZONE);
        String investor = investor();
        // negative, over-precise and too large amounts, a bad currency, a bad date, a missing field
        asEditor().body(Map.of("projectCode", project, "investorId", investor,
                        "intendedAmount", money("-5.00", "CNY"), "intendedOn", "2022-03-01"))
                .post("/api/v1/agreements").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("intendedAmount.amount"));
        asEditor().body(Map.of("projectCode", project, "investorId", investor,
                        "intendedAmount", money("5.123", "cny"), "intendedOn", "2022-03-01"))
                .post("/api/v1/agreements").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("intendedAmount.amount", "intendedAmount.currency"));
        asEditor().body(Map.of("projectCode", project, "investorId", investor,
                        "intendedAmount", money("5.00", "CNY"), "intendedOn", "2022-13-01"))
                .post("/api/v1/agreements").then().statusCode(400).body("errors.field", contains("intendedOn"));
        asEditor().body(Map.of("projectCode", project, "investorId", "not-a-uuid",
                        "intendedAmount", money("5.00", "CNY"), "intendedOn", "2022-03-01"))
                .post("/api/v1/agreements").then().statusCode(400).body("errors.field", contains("investorId"));
        asEditor().body(Map.of("projectCode", project, "intendedAmount", money("5.00", "CNY")))
                .post("/api/v1/agreements").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("investorId", "intendedOn"));
        asEditor().body("{").post("/api/v1/agreements").then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400));
        // unknown investor and unknown project: valid shape, nothing to refer to
        asEditor().body(Fixtures.intend(project, "7f1d2c3b-0000-4000-8000-000000000000", "5.00", "2022-03-01"))
                .post("/api/v1/agreements").then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", contains("investorId"));
        asEditor().body(Fixtures.intend(Fixtures.unique("nowhere"), investor, "5.00", "2022-03-01"))
                .post("/api/v1/agreements").then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", contains("projectCode"));
        asViewer().queryParam("project", project).get("/api/v1/agreements").then().statusCode(200)
                .body("total", equalTo(0));
        asViewer().queryParam("investor", investor).get("/api/v1/agreements").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void unknownAgreementIsNotFoundAndMalformedIdIsBadRequest() {
        asViewer().get("/api/v1/agreements/7f1d2c3b-0000-4000-8000-000000000000").then().statusCode(404)
                .contentType(PROBLEM);
        asViewer().get("/api/v1/agreements/12345").then().statusCode(400).contentType(PROBLEM);
        asEditor().body(Map.of("startedOn", "2022-01-01"))
                .post("/api/v1/agreements/7f1d2c3b-0000-4000-8000-000000000000/start")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void needsATokenAndTheEditorRoleToWrite() {
        String project = project(ZONE);
        String investor = investor();
        io.restassured.RestAssured.given().contentType("application/json")
                .body(Fixtures.intend(project, investor, "5.00", "2022-03-01"))
                .post("/api/v1/agreements").then().statusCode(401).contentType(PROBLEM);
        io.restassured.RestAssured.given().get("/api/v1/agreements").then().statusCode(401);
        asViewer().body(Fixtures.intend(project, investor, "5.00", "2022-03-01"))
                .post("/api/v1/agreements").then().statusCode(403).contentType(PROBLEM);
        String id = agreement(project, investor);
        JsonPath before = read(id);
        asViewer().body(Map.of("signedAmount", money("1.00", "CNY"), "signedOn", "2022-04-01"))
                .post("/api/v1/agreements/" + id + "/sign").then().statusCode(403).contentType(PROBLEM);
        assertUnchanged(id, before);
        asViewer().queryParam("project", project).get("/api/v1/agreements").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].stage", equalTo("INTENDED"));
    }
}
