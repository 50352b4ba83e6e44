package org.urbaninvest.platform.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.urbaninvest.testsupport.Tokens;

/** Idempotency-Key on the test application's notes, against real PostgreSQL. */
@QuarkusTest
class IdempotencyTest {

    private static final String NOTES = "/api/v1/notes";
    private static final String BATCH = NOTES + "/batch";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IdempotencyPurge purge;

    @Test
    void withoutAKeyEveryPostWrites() {
        String text = unique();
        String body = "{\"text\": \"" + text + "\"}";
        String first = asEditor().body(body).post(NOTES).then().statusCode(201).extract().path("id");
        String second = asEditor().body(body).post(NOTES).then().statusCode(201).extract().path("id");

        assertThat(first).isNotEqualTo(second);
        assertThat(notes(text)).isEqualTo(2);
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerAndWritesNothing() {
        String key = UUID.randomUUID().toString();
        String text = unique();
        Response first = keyed(key).body("{\"text\": \"" + text + "\", \"amount\": {\"amount\": \"10\", \"currency\": \"CNY\"}}")
                .post(NOTES);
        first.then().statusCode(201);

        // the same request written differently: other spacing, other field order, the amount as a number
        Response retry = keyed(key).body("{ \"amount\": {\"currency\": \"CNY\", \"amount\": 10},\n  \"text\": \"" + text
                + "\" }").post(NOTES);

        retry.then().statusCode(201);
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.contentType()).isEqualTo(first.contentType());
        assertThat(notes(text)).isEqualTo(1);
        assertThat(events(first.path("id"))).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndWritesNothing() {
        String key = UUID.randomUUID().toString();
        String text = unique();
        keyed(key).body("{\"text\": \"" + text + "\"}").post(NOTES).then().statusCode(201);

        Response other = keyed(key).body("{\"text\": \"" + text + "-other\"}").post(NOTES);

        problem(other, 422).body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(notes(text + "-other")).isZero();
    }

    @Test
    void theSameKeyOnAnotherOperationIs422() {
        String key = UUID.randomUUID().toString();
        String text = unique();
        keyed(key).body("{\"text\": \"" + text + "\"}").post(NOTES).then().statusCode(201);

        problem(keyed(key).contentType(ContentType.TEXT).body(text).post(BATCH), 422);
        assertThat(notes(text)).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        String text = unique();
        String body = "{\"text\": \"" + text + "\"}";
        String alice = keyed(key, Tokens.forRoles("alice", "editor")).body(body).post(NOTES).then().statusCode(201)
                .extract().path("id");
        String bob = keyed(key, Tokens.forRoles("bob", "editor")).body(body).post(NOTES).then().statusCode(201)
                .extract().path("id");

        assertThat(alice).isNotEqualTo(bob);
        assertThat(notes(text)).isEqualTo(2);
    }

    @Test
    void aRefusedRequestLeavesItsKeyFree() {
        String key = UUID.randomUUID().toString();
        String text = unique();
        problem(keyed(key).body("{\"text\": \"" + text + "\", \"refersTo\": \"" + UUID.randomUUID() + "\"}").post(NOTES),
                422).body("errors[0].field", equalTo("refersTo"));
        assertThat(storedKeys(key)).isZero();

        String created = keyed(key).body("{\"text\": \"" + text + "\"}").post(NOTES).then().statusCode(201)
                .extract().path("id");

        assertThat(keyed(key).body("{\"text\": \"" + text + "\"}").post(NOTES).then().statusCode(201)
                .extract().<String>path("id")).isEqualTo(created);
        assertThat(notes(text)).isEqualTo(1);
    }

    @Test
    void aKeyStillInFlightIs409() throws SQLException {
        String subject = "in-flight-" + UUID.randomUUID();
        String token = Tokens.forRoles(subject, "editor");
        String key = UUID.randomUUID().toString();
        String text = unique();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            // what a request being processed on another instance holds until it commits
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                lock.setInt(1, IdempotencyStore.LOCK_CLASS);
                lock.setInt(2, new IdempotencyKey(subject, key).lockId());
                lock.execute();
            }

            problem(keyed(key, token).body("{\"text\": \"" + text + "\"}").post(NOTES), 409)
                    .header("Retry-After", equalTo("1"));
            assertThat(notes(text)).isZero();
            other.rollback();
        }

        keyed(key, token).body("{\"text\": \"" + text + "\"}").post(NOTES).then().statusCode(201);
        assertThat(notes(text)).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneKeyWriteOnce() throws Exception {
        int clients = 4;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int round = 0; round < 8; round++) {
                String key = UUID.randomUUID().toString();
                String text = unique();
                CyclicBarrier start = new CyclicBarrier(clients);
                List<Future<Response>> answers = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    answers.add(pool.submit(() -> {
                        var request = keyed(key).body("{\"text\": \"" + text + "\"}");
                        start.await(30, TimeUnit.SECONDS);
                        return request.post(NOTES);
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                List<String> created = new ArrayList<>();
                for (Future<Response> answer : answers) {
                    Response response = answer.get(60, TimeUnit.SECONDS);
                    statuses.add(response.statusCode());
                    if (response.statusCode() == 201) {
                        created.add(response.path("id"));
                    }
                }
                assertThat(statuses).as("round %d", round).containsAnyOf(201).allMatch(s -> s == 201 || s == 409);
                assertThat(created).as("round %d: every 201 is the one note", round).containsOnly(created.get(0));
                assertThat(notes(text)).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidKeysAre400AndWriteNothing() {
        String text = unique();
        for (String key : List.of("   ", "\"\"", "k".repeat(256), "tab\there")) {
            problem(keyed(key).body("{\"text\": \"" + text + "\"}").post(NOTES), 400)
                    .body("errors[0].field", equalTo("Idempotency-Key"));
        }
        assertThat(notes(text)).isZero();
    }

    @Test
    void aQuotedKeyIsTheSameKeyAsItsText() {
        String key = UUID.randomUUID().toString();
        String text = unique();
        String first = keyed("\"" + key + "\"").body("{\"text\": \"" + text + "\"}").post(NOTES).then().statusCode(201)
                .extract().path("id");

        assertThat(keyed(key).body("{\"text\": \"" + text + "\"}").post(NOTES).then().statusCode(201)
                .extract().<String>path("id")).isEqualTo(first);
    }

    @Test
    void aStreamedBodyIsComparedByItsBytes() {
        String key = UUID.randomUUID().toString();
        String text = unique();
        String lines = text + "\n" + text + "\n";
        keyed(key).contentType(ContentType.TEXT).body(lines).post(BATCH).then().statusCode(200)
                .body("created", equalTo(2));

        keyed(key).contentType(ContentType.TEXT).body(lines).post(BATCH).then().statusCode(200)
                .body("created", equalTo(2));
        problem(keyed(key).contentType(ContentType.TEXT).body(lines + text + "\n").post(BATCH), 422);
        assertThat(notes(text)).isEqualTo(2);
    }

    @Test
    void theFirstAnswerIsReadFromTheDatabase() throws SQLException {
        String key = UUID.randomUUID().toString();
        String text = unique();
        keyed(key).body("{\"text\": \"" + text + "\"}").post(NOTES).then().statusCode(201);
        // whatever instance answers the retry reads the row; here the row says something only the database knows
        update("UPDATE idempotency_key SET body = replace(body, ?, ?) WHERE idem_key = ?", text, text + "-stored", key);

        keyed(key).body("{\"text\": \"" + text + "\"}").post(NOTES).then().statusCode(201)
                .body("text", equalTo(text + "-stored"));
    }

    @Test
    void anExpiredKeyIsForgottenAndPurged() throws SQLException {
        String key = UUID.randomUUID().toString();
        String text = unique();
        String body = "{\"text\": \"" + text + "\"}";
        String first = keyed(key).body(body).post(NOTES).then().statusCode(201).extract().path("id");
        age(key, "25 hours");

        String second = keyed(key).body(body).post(NOTES).then().statusCode(201).extract().path("id");

        assertThat(second).isNotEqualTo(first);
        assertThat(storedKeys(key)).isEqualTo(1);
        String third = keyed(key).body(body).post(NOTES).then().statusCode(201).extract().path("id");
        assertThat(third).isEqualTo(second);

        age(key, "23 hours");
        purge.purge();
        assertThat(storedKeys(key)).as("a key younger than 24 h is kept").isEqualTo(1);
        age(key, "24 hours 1 second");
        assertThat(purge.purge()).isPositive();
        assertThat(storedKeys(key)).isZero();
    }

    @Test
    void openApiDocumentsTheHeaderOnMarkedPostsOnly() {
        JsonPath openApi = given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();

        for (String path : List.of(NOTES, BATCH)) {
            String post = "paths.'" + path + "'.post";
            List<Map<String, Object>> parameters = openApi.getList(post + ".parameters");
            assertThat(parameters).as(path).anySatisfy(parameter -> {
                assertThat(parameter).containsEntry("name", "Idempotency-Key").containsEntry("in", "header");
                assertThat(parameter.get("required")).isNotEqualTo(true);
            });
            assertThat(openApi.getMap(post + ".responses")).as(path).containsKeys("409", "422");
        }
        assertThat(openApi.getList("paths.'" + NOTES + "/{id}'.put.parameters.name")).contains("If-Match")
                .doesNotContain("Idempotency-Key");
        assertThat(openApi.getMap("paths.'" + NOTES + "/admin-only'.post")).isNotNull().doesNotContainKey("parameters");
    }

    private static io.restassured.specification.RequestSpecification asEditor() {
        return given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON);
    }

    private static io.restassured.specification.RequestSpecification keyed(String key) {
        return asEditor().header(IdempotencyKey.HEADER, key);
    }

    private static io.restassured.specification.RequestSpecification keyed(String key, String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header(IdempotencyKey.HEADER, key);
    }

    private static io.restassured.response.ValidatableResponse problem(Response response, int status) {
        return response.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status));
    }

    private static String unique() {
        return "note-" + UUID.randomUUID();
    }

    private long notes(String text) {
        return count("SELECT count(*) FROM note WHERE text = ?", text);
    }

    private long events(String id) {
        return count("SELECT count(*) FROM outbox WHERE message_key = ?", id);
    }

    private long storedKeys(String key) {
        return count("SELECT count(*) FROM idempotency_key WHERE idem_key = ?", key);
    }

    private void age(String key, String age) throws SQLException {
        update("UPDATE idempotency_key SET created_at = now() - ?::interval WHERE idem_key = ?", age, key);
    }

    private long count(String sql, String value) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(sql)) {
            count.setString(1, value);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, String... values) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                update.setString(i + 1, values[i]);
            }
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
