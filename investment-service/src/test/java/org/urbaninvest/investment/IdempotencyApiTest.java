package org.urbaninvest.investment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.urbaninvest.investment.Fixtures.asEditor;
import static org.urbaninvest.investment.Fixtures.asViewer;
import static org.urbaninvest.investment.Fixtures.intend;
import static org.urbaninvest.investment.Fixtures.investor;
import static org.urbaninvest.investment.Fixtures.money;
import static org.urbaninvest.investment.Fixtures.project;
import static org.urbaninvest.investment.Fixtures.sign;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.IdempotentPosts;

/**
 * Idempotency-Key on agreements and investors: a client that got no answer retries with its key and never makes
 * an agreement, a stage move, an amendment or a disbursement twice.
 */
@QuarkusTest
class IdempotencyApiTest {

    private static final String KEY = IdempotentPosts.HEADER;
    private static final String AGREEMENTS = "/api/v1/agreements";
    private static final String ZONE = "idempotency-zone";

    @Test
    void aRetriedAgreementAnswersAsTheFirstAndExistsOnce() {
        String project = project(ZONE);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = intend(project, investor(), "100.00", "2022-03-01");
        Response first = keyed(key).body(body).post(AGREEMENTS);
        first.then().statusCode(201);

        Response retry = keyed(key).body(body).post(AGREEMENTS);

        retry.then().statusCode(201);
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        asViewer().get(AGREEMENTS + "?project=" + project).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void retriedMovesAmendmentsAndDisbursementsHappenOnce() {
        String id = Fixtures.agreement(project(ZONE), investor());
        String signKey = UUID.randomUUID().toString();
        Map<String, Object> signing = Map.of("signedAmount", money("90.00", "CNY"), "signedOn", "2022-04-01");
        Response signed = keyed(signKey).body(signing).post(AGREEMENTS + "/" + id + "/sign");
        signed.then().statusCode(200).body("version", equalTo(2));
        assertThat(keyed(signKey).body(signing).post(AGREEMENTS + "/" + id + "/sign").asString())
                .isEqualTo(signed.asString());

        String amendKey = UUID.randomUUID().toString();
        Map<String, Object> amendment = Map.of("signedAmount", money("95.00", "CNY"), "reason", "revised");
        keyed(amendKey).body(amendment).post(AGREEMENTS + "/" + id + "/amend").then().statusCode(200)
                .body("version", equalTo(3));
        keyed(amendKey).body(amendment).post(AGREEMENTS + "/" + id + "/amend").then().statusCode(200)
                .body("version", equalTo(3));

        String disburseKey = UUID.randomUUID().toString();
        Map<String, Object> funds = Map.of("amount", money("40.00", "CNY"), "receivedOn", "2022-05-01");
        Response disbursed = keyed(disburseKey).body(funds).post(AGREEMENTS + "/" + id + "/disbursements");
        disbursed.then().statusCode(201).body("fundsInPlace.amount", equalTo("40.00"));
        Response again = keyed(disburseKey).body(funds).post(AGREEMENTS + "/" + id + "/disbursements");
        again.then().statusCode(201);
        assertThat(again.asString()).isEqualTo(disbursed.asString());

        JsonPath agreement = asViewer().get(AGREEMENTS + "/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(agreement.getInt("version")).isEqualTo(4);
        assertThat(agreement.getString("fundsInPlace.amount")).isEqualTo("40.00");
        assertThat(agreement.getList("history.action")).containsExactly("intended", "signed", "amended");
        assertThat(agreement.getList("disbursements")).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherAmountIs422AndChangesNothing() {
        String id = Fixtures.agreement(project(ZONE), investor());
        sign(id, "90.00", "2022-04-01");
        String key = UUID.randomUUID().toString();
        keyed(key).body(Map.of("amount", money("10.00", "CNY"), "receivedOn", "2022-05-01"))
                .post(AGREEMENTS + "/" + id + "/disbursements").then().statusCode(201)
                .body("fundsInPlace.amount", equalTo("10.00"));
        String before = asViewer().get(AGREEMENTS + "/" + id).then().statusCode(200).extract().asString();

        keyed(key).body(Map.of("amount", money("20.00", "CNY"), "receivedOn", "2022-05-01"))
                .post(AGREEMENTS + "/" + id + "/disbursements").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", contains(KEY));
        assertThat(asViewer().get(AGREEMENTS + "/" + id).then().statusCode(200).extract().asString())
                .as("the agreement after the refused disbursement").isEqualTo(before);
    }

    @Test
    void concurrentIntentionsWithOneKeyMakeOneAgreement() throws Exception {
        String investor = investor();
        int clients = 3;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int round = 0; round < 5; round++) {
                String project = project(ZONE);
                String key = UUID.randomUUID().toString();
                CyclicBarrier start = new CyclicBarrier(clients);
                List<Future<Response>> answers = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    answers.add(pool.submit(() -> {
                        RequestSpecification request = keyed(key).body(intend(project, investor, "100.00", "2022-03-01"));
                        start.await(30, TimeUnit.SECONDS);
                        return request.post(AGREEMENTS);
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                List<String> ids = new ArrayList<>();
                for (Future<Response> answer : answers) {
                    Response response = answer.get(60, TimeUnit.SECONDS);
                    statuses.add(response.statusCode());
                    if (response.statusCode() == 201) {
                        ids.add(response.path("id"));
                    }
                }
                assertThat(statuses).as("round %d", round).contains(201).allMatch(s -> s == 201 || s == 409);
                assertThat(ids).as("round %d: every 201 names the one agreement", round).containsOnly(ids.get(0));
                asViewer().get(AGREEMENTS + "?project=" + project).then().body("total", equalTo(1));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyPostDocumentsTheKeyInTheOpenApiDocument() {
        assertThat(IdempotentPosts.assertEveryPostDocumentsTheKey()).contains(AGREEMENTS, "/api/v1/investors",
                AGREEMENTS + "/{id}/sign", AGREEMENTS + "/{id}/start", AGREEMENTS + "/{id}/operate",
                AGREEMENTS + "/{id}/withdraw", AGREEMENTS + "/{id}/amend", AGREEMENTS + "/{id}/disbursements");
    }

    private static RequestSpecification keyed(String key) {
        return asEditor().header(KEY, key);
    }
}
