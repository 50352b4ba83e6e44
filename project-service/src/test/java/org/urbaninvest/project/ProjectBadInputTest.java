package org.urbaninvest.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.urbaninvest.project.Api.PROJECTS;
import static org.urbaninvest.project.Api.editor;
import static org.urbaninvest.project.Api.problem;
import static org.urbaninvest.project.Api.viewer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.Tokens;

/** Every refusal of the "bad input" list: a 4xx problem document, and nothing stored or published. */
@QuarkusTest
class ProjectBadInputTest {

    @Inject
    AgroalDataSource dataSource;

    String zone;
    String programme;
    String code;

    @BeforeEach
    void setUp() {
        zone = Api.zone(null);
        programme = Api.programme(zone, "cat-a");
        code = Api.unique("pr");
    }

    private String valid() {
        return Api.projectJson(code, zone, programme, "cat-a", "identification");
    }

    /** The refused create left no project and no event behind. */
    private void nothingStored() {
        problem(viewer().get(PROJECTS + "/" + code), 404);
        assertEquals(0, Outboxes.events(dataSource, code));
    }

    private io.restassured.response.ValidatableResponse refused(String body, int status, String... fields) {
        io.restassured.response.ValidatableResponse answer = problem(editor().body(body).post(PROJECTS), status);
        if (fields.length > 0) {
            answer.body("errors.field", containsInAnyOrder((Object[]) fields));
        }
        nothingStored();
        return answer;
    }

    @Test
    void malformedJson() {
        refused("{\"code\": \"" + code + "\", \"name\": ", 400, "body");
        refused(valid() + "}", 400);
        refused("{\"code\": \"" + code + "\", \"code\": \"" + code + "\"}", 400);
    }

    @Test
    void missingAndBlankRequiredFields() {
        refused("{\"code\": \"" + code + "\", \"name\": \"  \"}", 400, "name", "zoneCode", "status",
                "estimatedInvestment");
        refused("{}", 400, "code", "name", "zoneCode", "status", "estimatedInvestment");
        refused(valid().replace("\"currency\": \"CNY\"}", "\"currency\": null}")
                .replace("\"amount\": \"1250000.50\"", "\"amount\": null"), 400, "estimatedInvestment.amount",
                "estimatedInvestment.currency", "fundingSources[0].amount.currency");
    }

    @Test
    void codesThatBreakThePattern() {
        String tooLong = "a".repeat(65);
        refused(valid().replace("\"code\": \"" + code + "\"", "\"code\": \"" + tooLong + "\""), 400, "code");
        problem(viewer().get(PROJECTS + "/" + tooLong), 404);
        refused(valid().replace("\"code\": \"" + code + "\"", "\"code\": \"Bad_Code\""), 400, "code");
        refused(valid().replace("\"zoneCode\": \"" + zone + "\"", "\"zoneCode\": \"-zone\""), 400, "zoneCode");
    }

    @Test
    void namesOver500Characters() {
        refused(valid().replace("\"name\": \"Project " + code + "\"", "\"name\": \"" + "n".repeat(501) + "\""), 400,
                "name");
    }

    @Test
    void badAmounts() {
        refused(valid().replace("\"amount\": \"1250000.50\"", "\"amount\": \"-1.00\""), 400,
                "estimatedInvestment.amount");
        refused(valid().replace("\"amount\": \"1250000.50\"", "\"amount\": 1.505"), 400,
                "estimatedInvestment.amount");
        refused(valid().replace("\"amount\": \"1250000.50\"", "\"amount\": \"1234567890123456789\""), 400,
                "estimatedInvestment.amount");
        refused(valid().replace("\"amount\": 1000000,", "\"amount\": -5,"), 400, "fundingSources[0].amount.amount");
    }

    @Test
    void badCurrencies() {
        String estimate = "\"amount\": \"1250000.50\", \"currency\": \"CNY\"";
        refused(valid().replace(estimate, estimate.replace("CNY", "cny")), 400, "estimatedInvestment.currency");
        refused(valid().replace(estimate, estimate.replace("CNY", "XYZ")), 400, "estimatedInvestment.currency");
    }

    @Test
    void unknownReferencesAre422() {
        refused(Api.projectJson(code, "no-such-zone", programme, "cat-a", "identification"), 422, "zoneCode");
        refused(Api.projectJson(code, zone, "no-such-programme", null, "identification"), 422, "programmeCode");
        refused(Api.projectJson(code, zone, programme, "no-such-category", "identification"), 422, "categoryCode");
        refused(Api.projectJson(code, zone, null, "cat-a", "identification"), 422, "categoryCode");
    }

    @Test
    void categoryOfAnotherProgrammeIs422() {
        String other = Api.programme(zone, "cat-other");
        refused(Api.projectJson(code, zone, programme, "cat-other", "identification"), 422, "categoryCode")
                .body("errors[0].message", equalTo("programme " + programme + " has no category cat-other"));
        viewer().get(Api.PROGRAMMES + "/" + other).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void duplicateCodeIs409() {
        String existing = Api.project(zone, programme, "cat-a", "identification");
        long events = Outboxes.events(dataSource, existing);
        problem(editor().body(Api.projectJson(existing, zone, null, null, "preparation")).post(PROJECTS), 409)
                .body("detail", equalTo("project " + existing + " already exists"));
        viewer().get(PROJECTS + "/" + existing).then().body("status", equalTo("identification"))
                .body("programmeCode", equalTo(programme)).body("version", equalTo(1));
        assertEquals(events, Outboxes.events(dataSource, existing));
    }

    @Test
    void illegalStatusMoveIs409() {
        String existing = Api.project(zone, null, null, "completion");
        long events = Outboxes.events(dataSource, existing);
        problem(editor().body("{\"status\": \"identification\"}").post(PROJECTS + "/" + existing + "/status"), 409)
                .body("detail", org.hamcrest.Matchers.containsString("cannot move from completion to identification"));
        viewer().get(PROJECTS + "/" + existing).then().body("status", equalTo("completion")).body("version", equalTo(1));
        viewer().get(PROJECTS + "/" + existing + "/history").then().body("size()", equalTo(1));
        assertEquals(events, Outboxes.events(dataSource, existing));
    }

    @Test
    void staleIfMatchIs412() {
        String existing = Api.project(zone, null, null, "identification");
        String renamed = Api.projectJson(existing, zone, null, null, "identification").replace("Project " + existing,
                "New name");
        editor().header("If-Match", "\"1\"").body(renamed).put(PROJECTS + "/" + existing).then().statusCode(200);
        long events = Outboxes.events(dataSource, existing);
        problem(editor().header("If-Match", "\"1\"").body(renamed.replace("New name", "Stale name"))
                .put(PROJECTS + "/" + existing), 412);
        problem(editor().body(renamed.replace("New name", "Unguarded name")).put(PROJECTS + "/" + existing), 428);
        viewer().get(PROJECTS + "/" + existing).then().body("name", equalTo("New name")).body("version", equalTo(2))
                .header("ETag", "\"2\"");
        assertEquals(events, Outboxes.events(dataSource, existing));
    }

    @Test
    void coordinatesOutOfRange() {
        String point = "\"location\": {\"type\": \"Point\", \"coordinates\": [%s]}";
        String lineString = "\"location\": {\"type\": \"LineString\", \"coordinates\": [[112.55, 37.87], [112.73, 38.41]]}";
        refused(valid().replace(lineString, point.formatted("106.4, 91")), 400, "location.coordinates")
                .body("errors[0].message", org.hamcrest.Matchers.containsString("latitude"));
        refused(valid().replace(lineString, point.formatted("181, 29.8")), 400, "location.coordinates")
                .body("errors[0].message", org.hamcrest.Matchers.containsString("longitude"));
        refused(valid().replace(lineString, point.formatted("106.4")), 400, "location.coordinates");
        refused(valid().replace(lineString, "\"location\": {\"type\": \"Polygon\", \"coordinates\": []}"), 400,
                "location.type");
    }

    @Test
    void lineStringWithOnePoint() {
        refused(valid().replace("[[112.55, 37.87], [112.73, 38.41]]", "[[112.55, 37.87]]"), 400,
                "location.coordinates");
    }

    @Test
    void pageSizeOutOfRange() {
        problem(viewer().queryParam("size", 0).get(PROJECTS), 400).body("errors.field", hasItem("size"));
        problem(viewer().queryParam("size", 501).get(PROJECTS), 400).body("errors.field", hasItem("size"));
        problem(viewer().queryParam("page", -1).get(PROJECTS), 400).body("errors.field", hasItem("page"));
        problem(viewer().queryParam("size", 0).get(Api.ZONES), 400).body("errors.field", hasItem("size"));
        viewer().queryParam("size", 500).get(PROJECTS).then().statusCode(200).body("size", equalTo(500));
    }

    @Test
    void fiveMegabyteBodyIs413() {
        String huge = valid().replace("\"description\": \"A test project\"",
                "\"description\": \"" + "x".repeat(5 * 1024 * 1024) + "\"");
        problem(editor().body(huge).post(PROJECTS), 413);
        nothingStored();
    }

    @Test
    void wrongContentTypeIs415() {
        Response answer = given().auth().oauth2(Tokens.editor()).contentType(ContentType.TEXT).body(valid())
                .post(PROJECTS);
        problem(answer, 415);
        problem(given().auth().oauth2(Tokens.editor()).contentType(ContentType.XML).body("<project/>").post(PROJECTS),
                415);
        problem(given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body("{}")
                .post(PROJECTS + "/import"), 415);
        nothingStored();
    }

    @Test
    void authIsRequired() {
        problem(given().contentType(ContentType.JSON).body(valid()).post(PROJECTS), 401);
        problem(given().auth().oauth2(Tokens.expired()).contentType(ContentType.JSON).body(valid()).post(PROJECTS),
                401);
        problem(given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(valid()).post(PROJECTS),
                403);
        problem(given().auth().oauth2(Tokens.viewer()).contentType("text/csv").body("code\n")
                .post(PROJECTS + "/import"), 403);
        problem(given().get(PROJECTS), 401);
        nothingStored();
    }
}
