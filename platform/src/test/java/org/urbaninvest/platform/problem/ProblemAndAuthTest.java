package org.urbaninvest.platform.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.Tokens;

/** Each status of the API conventions, produced by a real request, always as problem+json. */
@QuarkusTest
class ProblemAndAuthTest {

    private static final String NOTES = "/api/v1/notes";

    @Test
    void invalidFieldsAreAllListed() {
        long before = notes();
        problem(post("{\"text\": \"\", \"amount\": {\"amount\": \"-1.005\", \"currency\": \"cny\"}}"), 400)
                .body("errors.field", containsInAnyOrder("text", "amount.amount", "amount.amount", "amount.currency"));
        assertThat(notes()).isEqualTo(before);
    }

    @Test
    void malformedJsonIs400() {
        problem(post("{\"text\": \"unterminated"), 400).body("errors[0].field", equalTo("body"));
    }

    @Test
    void unknownFieldIs400() {
        problem(post("{\"text\": \"a\", \"colour\": \"red\"}"), 400).body("errors[0].field", equalTo("colour"));
    }

    @Test
    void wrongTypeIs400() {
        problem(post("{\"text\": 12}"), 400).body("errors[0].field", equalTo("text"));
    }

    @Test
    void aBodyOfTheWrongShapeIs400WithoutNamingJavaClasses() {
        problem(post("[]"), 400).body("errors[0].field", equalTo("body"))
                .body("detail", equalTo("body has the wrong type, expected an object"));
    }

    @Test
    void duplicateKeyIs400() {
        problem(post("{\"text\": \"a\", \"text\": \"b\"}"), 400);
    }

    @Test
    void moneyAcceptsNumbersAndStrings() {
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"text\": \"n\", \"amount\": {\"amount\": 1250000.5, \"currency\": \"CNY\"}}")
                .post(NOTES).then().statusCode(201).body("amount.amount", equalTo("1250000.50"));
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"text\": \"s\", \"amount\": {\"amount\": \"96520000000\", \"currency\": \"CNY\"}}")
                .post(NOTES).then().statusCode(201).body("amount.amount", equalTo("96520000000.00"));
    }

    @Test
    void nineteenIntegerDigitsAre400() {
        problem(post("{\"text\": \"a\", \"amount\": {\"amount\": \"1234567890123456789\", \"currency\": \"CNY\"}}"), 400)
                .body("errors[0].field", equalTo("amount.amount"));
    }

    @Test
    void unknownResourceIs404() {
        problem(given().auth().oauth2(Tokens.viewer()).get(NOTES + "/" + UUID.randomUUID()), 404);
        problem(given().auth().oauth2(Tokens.viewer()).get("/api/v1/nothing-here"), 404);
    }

    @Test
    void unconvertibleParametersAre400() {
        problem(given().auth().oauth2(Tokens.viewer()).get(NOTES + "?longerThan=ten"), 400);
        problem(given().auth().oauth2(Tokens.viewer()).get(NOTES + "/not-a-uuid"), 400);
        given().auth().oauth2(Tokens.viewer()).get(NOTES + "?longerThan=3").then().statusCode(200);
    }

    @Test
    void conflictIs409() {
        String id = created("same");
        problem(given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"text\": \"same\"}").put(NOTES + "/" + id), 409);
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        String id = created("first");
        problem(given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body("{\"text\": \"second\"}").put(NOTES + "/" + id), 412);
        given().auth().oauth2(Tokens.viewer()).get(NOTES + "/" + id).then().statusCode(200)
                .body("text", equalTo("first")).body("version", equalTo(1));
    }

    @Test
    void bodyOverTheLimitIs413() {
        long before = notes();
        String big = "{\"text\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        problem(post(big), 413);
        assertThat(notes()).isEqualTo(before);
    }

    @Test
    void wrongContentTypeIs415() {
        problem(given().auth().oauth2(Tokens.editor()).contentType(ContentType.XML).body("<text>a</text>").post(NOTES),
                415);
    }

    @Test
    void formBodiesAre415AndChangeNothing() {
        long before = notes();
        problem(given().auth().oauth2(Tokens.editor()).contentType(ContentType.URLENC).body("text=a").post(NOTES),
                415);
        problem(given().auth().oauth2(Tokens.editor()).contentType("multipart/form-data; boundary=x")
                .body("--x\r\n\r\nhi\r\n--x--\r\n".getBytes(StandardCharsets.UTF_8)).post(NOTES), 415);
        assertThat(notes()).isEqualTo(before);
    }

    @Test
    void aJsonBodyIsReadOverHttp2AsOverHttp11() throws Exception {
        long before = notes();
        // java.net.http asks to upgrade a plain connection to HTTP/2 (h2c), as the event-lag benchmark's client does
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        for (int i = 0; i < 2; i++) { // the upgrade request, then a request on the HTTP/2 connection
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + RestAssured.port + NOTES))
                    .header("Authorization", "Bearer " + Tokens.editor()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"h2\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        }
        assertThat(notes()).isEqualTo(before + 2);
    }

    @Test
    void aBodyWithoutContentTypeIs415AndChangesNothing() throws Exception {
        long before = notes();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + RestAssured.port + NOTES))
                .header("Authorization", "Bearer " + Tokens.editor())
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"a\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":415").contains("Content-Type");
        assertThat(notes()).isEqualTo(before);
    }

    @Test
    void unknownReferenceIs422() {
        problem(post("{\"text\": \"a\", \"refersTo\": \"" + UUID.randomUUID() + "\"}"), 422)
                .body("errors[0].field", equalTo("refersTo"));
    }

    @Test
    void noTokenIs401() {
        problem(given().contentType(ContentType.JSON).body("{\"text\": \"a\"}").post(NOTES), 401)
                .header("WWW-Authenticate", containsString("Bearer"));
        problem(given().get(NOTES + "/" + UUID.randomUUID()), 401);
    }

    @Test
    void badTokensAre401() {
        long before = notes();
        for (Supplier<String> token : new Supplier[] {Tokens::signedByOtherKey, Tokens::expired, Tokens::wrongIssuer,
                Tokens::algNone, Tokens::tampered}) {
            problem(given().auth().oauth2(token.get()).contentType(ContentType.JSON).body("{\"text\": \"a\"}")
                    .post(NOTES), 401);
        }
        assertThat(notes()).isEqualTo(before);
    }

    @Test
    void viewerCannotWrite() {
        problem(given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body("{\"text\": \"a\"}")
                .post(NOTES), 403);
    }

    @Test
    void editorCannotUseAdminEndpoints() {
        problem(given().auth().oauth2(Tokens.editor()).post(NOTES + "/admin-only"), 403);
        given().auth().oauth2(Tokens.admin()).post(NOTES + "/admin-only").then().statusCode(202);
    }

    @Test
    void adminAndEditorInheritLowerRoles() {
        String id = created("inherit");
        given().auth().oauth2(Tokens.admin()).get(NOTES + "/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.editor()).get(NOTES + "/" + id).then().statusCode(200);
    }

    @Test
    void healthAndOpenApiNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("urbaninvest_outbox_pending"));
    }

    private static io.restassured.response.Response post(String body) {
        return given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(body).post(NOTES);
    }

    private static String created(String text) {
        return post("{\"text\": \"" + text + "\"}").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status) {
        return response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", not(nullValue()))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    @Inject
    EntityManager entityManager;

    private long notes() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select count(n) from Note n", Long.class).getSingleResult());
    }
}
