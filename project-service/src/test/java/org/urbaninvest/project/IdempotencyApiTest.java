package org.urbaninvest.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.urbaninvest.project.Api.PROJECTS;
import static org.urbaninvest.project.Api.ZONES;
import static org.urbaninvest.project.Api.editor;
import static org.urbaninvest.project.Api.problem;
import static org.urbaninvest.project.Api.viewer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.IdempotentPosts;

/** Idempotency-Key on project-service's creating and moving POSTs: a retry gets the first answer and writes nothing. */
@QuarkusTest
class IdempotencyApiTest {

    private static final String KEY = IdempotentPosts.HEADER;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRetriedZoneRegistrationAnswersAsTheFirstAndRegistersOnce() {
        String key = UUID.randomUUID().toString();
        String code = Api.unique("z");
        Response first = editor().header(KEY, key).body(Api.zoneJson(code, null)).post(ZONES);
        first.then().statusCode(201);

        Response retry = editor().header(KEY, key).body(Api.zoneJson(code, null)).post(ZONES);

        retry.then().statusCode(201);
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(Outboxes.events(dataSource, code)).isEqualTo(1);
    }

    @Test
    void withoutAKeyARepeatedRegistrationIsStillADuplicate() {
        String code = Api.unique("z");
        editor().body(Api.zoneJson(code, null)).post(ZONES).then().statusCode(201);
        problem(editor().body(Api.zoneJson(code, null)).post(ZONES), 409)
                .body("detail", equalTo("zone " + code + " already exists"));
        assertThat(Outboxes.events(dataSource, code)).isEqualTo(1);
    }

    @Test
    void theSameKeyForAnotherZoneIs422AndRegistersNothing() {
        String key = UUID.randomUUID().toString();
        editor().header(KEY, key).body(Api.zoneJson(Api.unique("z"), null)).post(ZONES).then().statusCode(201);
        String other = Api.unique("z");

        problem(editor().header(KEY, key).body(Api.zoneJson(other, null)).post(ZONES), 422)
                .body("errors.field", org.hamcrest.Matchers.contains(KEY));
        problem(viewer().get(ZONES + "/" + other), 404);
        assertThat(Outboxes.events(dataSource, other)).isZero();
    }

    @Test
    void aRetriedStatusMoveMovesOnce() {
        String zone = Api.zone(null);
        String project = Api.project(zone, null, null, "identification");
        String key = UUID.randomUUID().toString();
        String move = "{\"status\": \"implementation\", \"reason\": \"financed\"}";
        Response first = editor().header(KEY, key).body(move).post(PROJECTS + "/" + project + "/status");
        first.then().statusCode(200).body("version", equalTo(2));

        Response retry = editor().header(KEY, key).body(move).post(PROJECTS + "/" + project + "/status");

        retry.then().statusCode(200);
        assertThat(retry.asString()).isEqualTo(first.asString());
        viewer().get(PROJECTS + "/" + project).then().body("version", equalTo(2));
        assertThat(viewer().get(PROJECTS + "/" + project + "/history").jsonPath().getList("change")).hasSize(2);
        assertThat(Outboxes.events(dataSource, project)).isEqualTo(2);
    }

    @Test
    void aRetriedImportAnswersWithTheFirstCountsAndWritesNothing() {
        String zone = Api.zone(null);
        String a = Api.unique("im");
        String b = Api.unique("im");
        String file = ProjectImportTest.HEADER
                + a + ",First," + zone + ",,,identification,,1000.00,CNY,,\n"
                + b + ",Second," + zone + ",,,preparation,,2000.00,CNY,,\n";
        String key = UUID.randomUUID().toString();
        ProjectImportTest.csv().header(KEY, key).body(file).post(PROJECTS + "/import").then().statusCode(200)
                .body("created", equalTo(2));

        // without the key the same file would answer "unchanged": the retry gets the first answer instead
        ProjectImportTest.csv().header(KEY, key).body(file).post(PROJECTS + "/import").then().statusCode(200)
                .body("created", equalTo(2)).body("unchanged", equalTo(0));
        problem(ProjectImportTest.csv().header(KEY, key).body(file.replace("Second", "Other")).post(PROJECTS + "/import"),
                422).body("errors.field", org.hamcrest.Matchers.contains(KEY));
        assertThat(Outboxes.events(dataSource, a)).isEqualTo(1);
        assertThat(Outboxes.events(dataSource, b)).isEqualTo(1);
        viewer().get(PROJECTS + "/" + b).then().body("name", equalTo("Second"));
    }

    @Test
    void concurrentRegistrationsWithOneKeyRegisterOnce() throws Exception {
        int clients = 3;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int round = 0; round < 5; round++) {
                String key = UUID.randomUUID().toString();
                String code = Api.unique("z");
                CyclicBarrier start = new CyclicBarrier(clients);
                List<Future<Response>> answers = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    answers.add(pool.submit(() -> {
                        RequestSpecification request = editor().header(KEY, key).body(Api.zoneJson(code, null));
                        start.await(30, TimeUnit.SECONDS);
                        return request.post(ZONES);
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Response> answer : answers) {
                    Response response = answer.get(60, TimeUnit.SECONDS);
                    statuses.add(response.statusCode());
                    if (response.statusCode() == 409) {
                        // the key in flight, never the duplicate code: a second registration never ran
                        assertThat(response.jsonPath().getString("detail")).contains(KEY);
                    }
                }
                assertThat(statuses).as("round %d", round).contains(201).allMatch(s -> s == 201 || s == 409);
                assertThat(Outboxes.events(dataSource, code)).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyPostDocumentsTheKeyInTheOpenApiDocument() {
        assertThat(IdempotentPosts.assertEveryPostDocumentsTheKey()).containsExactlyInAnyOrder(ZONES, Api.PROGRAMMES,
                PROJECTS, PROJECTS + "/import", PROJECTS + "/{code}/status", Api.PLANS, Api.PLANS + "/{code}/observations");
    }
}
