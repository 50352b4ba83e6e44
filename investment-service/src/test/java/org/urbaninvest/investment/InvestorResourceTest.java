package org.urbaninvest.investment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.urbaninvest.investment.Fixtures.asEditor;
import static org.urbaninvest.investment.Fixtures.asViewer;
import static org.urbaninvest.investment.Fixtures.unique;
import static org.urbaninvest.investment.Fixtures.validCreditCode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.KafkaTestClient;
import org.urbaninvest.testsupport.Tokens;

@QuarkusTest
class InvestorResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private static Map<String, Object> investor(String name, String creditCode) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "kind", "STATE_OWNED", "country", "CN"));
        body.put("creditCode", creditCode);
        return body;
    }

    private static long countNamed(String name) {
        return ((Number) asViewer().queryParam("q", name).get("/api/v1/investors").then().statusCode(200)
                .extract().path("total")).longValue();
    }

    @Test
    void registersReadsAndPublishes() {
        String name = unique("Shanxi Road Investment");
        String code = validCreditCode();
        String id = asEditor().body(investor(name, code)).post("/api/v1/investors")
                .then().statusCode(201).extract().path("id");
        asViewer().get("/api/v1/investors/" + id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("id", equalTo(id)).body("name", equalTo(name)).body("kind", equalTo("STATE_OWNED"))
                .body("creditCode", equalTo(code)).body("country", equalTo("CN")).body("version", equalTo(1))
                .body("createdAt", notNullValue()).body("updatedAt", notNullValue());

        List<ConsumerRecord<String, String>> events = KafkaTestClient.ofTestInfrastructure()
                .awaitRecordsWithKey("investors.v1", id, 1);
        assertThat(Fixtures.types(events)).containsExactly("org.urbaninvest.investor.registered");
        Fixtures.assertValidEvent(events.get(0), id);
        assertThat(events.get(0).value()).contains("\"creditCode\":\"" + code + "\"");
    }

    @Test
    void createAnswersLocationOfTheNewInvestor() {
        var response = asEditor().body(investor(unique("Located"), null)).post("/api/v1/investors")
                .then().statusCode(201).header("ETag", "\"1\"").body("creditCode", nullValue()).extract();
        assertThat(response.header("Location")).endsWith("/api/v1/investors/" + response.path("id"));
    }

    @Test
    void refusesABadCreditCodeAndStoresNothing() {
        String name = unique("Bad Code");
        asEditor().body(investor(name, "91350100M000100Y44")).post("/api/v1/investors")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400)).body("errors.field", containsInAnyOrder("creditCode"));
        asEditor().body(investor(name, "91350100M00010")).post("/api/v1/investors")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", containsInAnyOrder("creditCode"));
        assertThat(countNamed(name)).isZero();
    }

    @Test
    void refusesADuplicateCreditCode() {
        String code = validCreditCode();
        String first = unique("First");
        asEditor().body(investor(first, code)).post("/api/v1/investors").then().statusCode(201);
        String second = unique("Second");
        asEditor().body(investor(second, code)).post("/api/v1/investors")
                .then().statusCode(409).contentType(PROBLEM).body("status", equalTo(409))
                .body("detail", containsString("credit code " + code + " is already registered"));
        assertThat(countNamed(second)).isZero();
        asViewer().queryParam("q", code).get("/api/v1/investors").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].name", equalTo(first));
    }

    @Test
    void twoSimultaneousRegistrationsOfOneCreditCodeEndInOne201AndOne409() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String code = validCreditCode();
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    var request = asEditor().body(investor(unique("Racer"), code));
                    answers.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return request.post("/api/v1/investors").statusCode();
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get(30, TimeUnit.SECONDS));
                }
                assertThat(statuses).containsExactlyInAnyOrder(201, 409);
                asViewer().queryParam("q", code).get("/api/v1/investors").then().body("total", equalTo(1));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void listsEveryInvalidField() {
        // a value Jackson cannot read stops the reading: that one field is reported
        asEditor().body(Map.of("name", " ", "kind", "CHARITY")).post("/api/v1/investors")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("kind"))
                .body("errors[0].message", startsWith("has an invalid value"));
        asEditor().body(Map.of("name", "", "country", "China")).post("/api/v1/investors")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("name", "kind", "country"));
        asEditor().body(Map.of("name", "X", "kind", "PRIVATE", "rating", "AAA")).post("/api/v1/investors")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", containsInAnyOrder("rating"));
    }

    @Test
    void searchesByNamePartOrCreditCode() {
        String tag = unique("zq");
        String code = validCreditCode();
        asEditor().body(investor("Alpha " + tag + " Capital", code)).post("/api/v1/investors").then().statusCode(201);
        asEditor().body(investor("Beta " + tag.toUpperCase() + " Holdings", null)).post("/api/v1/investors")
                .then().statusCode(201);
        asViewer().queryParam("q", tag).get("/api/v1/investors").then().statusCode(200)
                .body("total", equalTo(2)).body("items.name", containsInAnyOrder("Alpha " + tag + " Capital",
                        "Beta " + tag.toUpperCase() + " Holdings"));
        asViewer().queryParam("q", code).get("/api/v1/investors").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].creditCode", equalTo(code));
        asViewer().queryParam("q", tag).queryParam("size", 1).queryParam("page", 1).get("/api/v1/investors")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("page", equalTo(1))
                .body("size", equalTo(1)).body("total", equalTo(2));
        asViewer().queryParam("size", 501).get("/api/v1/investors").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("size"));
    }

    @Test
    void replacesOnlyWithIfMatchAndPublishesEachUpdate() {
        String id = asEditor().body(investor(unique("Before"), null)).post("/api/v1/investors")
                .then().statusCode(201).extract().path("id");
        String stored = read(id);
        String after = unique("After");

        asEditor().body(investor(after, null)).put("/api/v1/investors/" + id)
                .then().statusCode(428).contentType(PROBLEM).body("status", equalTo(428))
                .body("detail", containsString("If-Match"));
        assertThat(read(id)).as("a PUT without If-Match changes nothing").isEqualTo(stored);

        asEditor().header("If-Match", "\"7\"").body(investor(after, null)).put("/api/v1/investors/" + id)
                .then().statusCode(412).contentType(PROBLEM).body("status", equalTo(412))
                .body("detail", containsString("version 1"));
        assertThat(read(id)).as("a PUT with a stale If-Match changes nothing").isEqualTo(stored);

        String code = validCreditCode();
        asEditor().header("If-Match", "\"1\"").body(investor(after, code)).put("/api/v1/investors/" + id)
                .then().statusCode(200).header("ETag", "\"2\"").body("name", equalTo(after))
                .body("creditCode", equalTo(code)).body("version", equalTo(2));
        asEditor().header("If-Match", "\"1\"").body(investor(unique("Late"), null)).put("/api/v1/investors/" + id)
                .then().statusCode(412).contentType(PROBLEM).body("detail", containsString("version 2"));

        // "*" would replace whatever version is there: the contract allows it nowhere
        String atVersion2 = read(id);
        String any = unique("Any version");
        asEditor().header("If-Match", "*").body(investor(unique("Blind"), code)).put("/api/v1/investors/" + id)
                .then().statusCode(428).contentType(PROBLEM).body("detail", containsString("\"2\""));
        assertThat(read(id)).as("a PUT with If-Match: * changes nothing").isEqualTo(atVersion2);
        asEditor().header("If-Match", "\"2\"").body(investor(any, code)).put("/api/v1/investors/" + id)
                .then().statusCode(200).header("ETag", "\"3\"").body("name", equalTo(any))
                .body("version", equalTo(3));
        asViewer().get("/api/v1/investors/" + id).then().statusCode(200).header("ETag", "\"3\"")
                .body("name", equalTo(any)).body("creditCode", equalTo(code)).body("kind", equalTo("STATE_OWNED"));

        // the refused PUTs published nothing: one event per version, in order
        List<ConsumerRecord<String, String>> events = KafkaTestClient.ofTestInfrastructure()
                .awaitRecordsWithKey("investors.v1", id, 3);
        assertThat(Fixtures.types(events)).containsExactly("org.urbaninvest.investor.registered",
                "org.urbaninvest.investor.updated", "org.urbaninvest.investor.updated");
        events.forEach(event -> Fixtures.assertValidEvent(event, id));
        assertThat(events.get(2).value()).contains("\"name\":\"" + any + "\"").contains("\"version\":3");

        // the history has one entry per version, refused PUTs none, each naming what changed from what to what
        asViewer().get("/api/v1/investors/" + id + "/history").then().statusCode(200)
                .body("version", contains(1, 2, 3))
                .body("change", contains("registered", "updated", "updated"))
                .body("actor", everyItem(equalTo("editor-user")))
                .body("[1].changes.field", contains("creditCode", "name"))
                .body("[1].changes[0].from", nullValue()).body("[1].changes[0].to", equalTo(code))
                .body("[1].changes[1].to", equalTo(after))
                .body("[2].changes.field", contains("name"))
                .body("[2].changes[0].from", equalTo(after)).body("[2].changes[0].to", equalTo(any));
        asViewer().get("/api/v1/investors/7f1d2c3b-0000-4000-8000-000000000000/history").then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void aPutThatChangesNothingKeepsTheVersion() {
        String name = unique("Unchanged");
        String id = asEditor().body(investor(name, null)).post("/api/v1/investors")
                .then().statusCode(201).extract().path("id");
        String stored = read(id);
        asEditor().header("If-Match", "\"1\"").body(investor("  " + name + " ", null)).put("/api/v1/investors/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        assertThat(read(id)).isEqualTo(stored);
    }

    /** The investor as GET shows it, body and ETag, to compare before and after a refused write. */
    private static String read(String id) {
        var response = asViewer().get("/api/v1/investors/" + id).then().statusCode(200).extract();
        return response.header("ETag") + " " + response.asString();
    }

    @Test
    void unknownIdIsNotFoundAndMalformedIdIsBadRequest() {
        asViewer().get("/api/v1/investors/7f1d2c3b-0000-4000-8000-000000000000")
                .then().statusCode(404).contentType(PROBLEM);
        asViewer().get("/api/v1/investors/not-a-uuid").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void needsATokenAndTheEditorRoleToWrite() {
        given().contentType(ContentType.JSON).body(investor(unique("Anon"), null)).post("/api/v1/investors")
                .then().statusCode(401).contentType(PROBLEM);
        given().get("/api/v1/investors").then().statusCode(401);
        given().auth().oauth2(Tokens.expired()).get("/api/v1/investors").then().statusCode(401);
        String name = unique("Viewer Made");
        asViewer().body(investor(name, null)).post("/api/v1/investors").then().statusCode(403).contentType(PROBLEM);
        assertThat(countNamed(name)).isZero();
    }
}
