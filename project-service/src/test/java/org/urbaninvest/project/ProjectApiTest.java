package org.urbaninvest.project;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.urbaninvest.project.Api.PROJECTS;
import static org.urbaninvest.project.Api.editor;
import static org.urbaninvest.project.Api.problem;
import static org.urbaninvest.project.Api.viewer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void registersAProjectWithEveryField() {
        String zone = Api.zone(null);
        String programme = Api.programme(zone, "roads");
        String code = Api.unique("pr");
        editor().body(Api.projectJson(code, zone, programme, "roads", "implementation")).post(PROJECTS).then()
                .statusCode(201).header("ETag", "\"1\"")
                .header("Location", org.hamcrest.Matchers.endsWith(PROJECTS + "/" + code));
        viewer().get(PROJECTS + "/" + code).then().statusCode(200).header("ETag", "\"1\"")
                .body("code", equalTo(code)).body("zoneCode", equalTo(zone)).body("programmeCode", equalTo(programme))
                .body("categoryCode", equalTo("roads")).body("status", equalTo("implementation"))
                .body("type", equalTo("construction")).body("sector", equalTo("transport.road"))
                .body("estimatedInvestment.amount", equalTo("1250000.50"))
                .body("estimatedInvestment.currency", equalTo("CNY"))
                .body("plannedStart", equalTo("2021-03-01")).body("plannedCompletion", equalTo("2022-08-20"))
                .body("location.type", equalTo("LineString"))
                .body("location.coordinates[1]", contains(112.73f, 38.41f))
                .body("fundingSources[0].kind", equalTo("SPECIAL_BOND"))
                .body("fundingSources[0].amount.amount", equalTo("1000000.00"))
                .body("milestones[0].code", equalTo("opening")).body("milestones[0].status", equalTo("scheduled"))
                .body("milestones[0].dateMet", nullValue())
                .body("identifiers[0].scheme", equalTo("CN-NDRC")).body("version", equalTo(1))
                .body("createdAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void replaceStatusAndHistory() throws Exception {
        String zone = Api.zone(null);
        String code = Api.project(zone, null, null, "identification");
        String renamed = Api.projectJson(code, zone, null, null, "identification").replace("Project " + code,
                "Renamed project");
        editor().header("If-Match", "\"1\"").body(renamed).put(PROJECTS + "/" + code).then().statusCode(200)
                .header("ETag", "\"2\"").body("name", equalTo("Renamed project")).body("version", equalTo(2));
        // a PUT is a full replace: what is left out is cleared
        String bare = """
                {"name": "Renamed project", "zoneCode": "%s", "status": "identification",
                 "estimatedInvestment": {"amount": 10, "currency": "CNY"}}""".formatted(zone);
        editor().header("If-Match", "\"2\"").body(bare).put(PROJECTS + "/" + code).then().statusCode(200)
                .body("location", nullValue()).body("milestones", nullValue()).body("type", nullValue())
                .body("estimatedInvestment.amount", equalTo("10.00")).body("version", equalTo(3));
        editor().body("{\"status\": \"preparation\", \"reason\": \"feasibility study approved\"}")
                .post(PROJECTS + "/" + code + "/status").then().statusCode(200).header("ETag", "\"4\"")
                .body("status", equalTo("preparation")).body("version", equalTo(4));
        editor().body("{\"status\": \"cancelled\"}").post(PROJECTS + "/" + code + "/status").then()
                .statusCode(200).body("status", equalTo("cancelled"));

        viewer().get(PROJECTS + "/" + code + "/history").then().statusCode(200)
                .body("version", contains(1, 2, 3, 4, 5))
                .body("change", contains("registered", "updated", "updated", "status-changed", "status-changed"))
                .body("actor", contains("editor-user", "editor-user", "editor-user", "editor-user", "editor-user"))
                .body("[1].changedFields", contains("name"))
                .body("[2].changedFields", containsInAnyOrder("type", "sector", "estimatedInvestment", "plannedStart",
                        "plannedCompletion", "location", "fundingSources", "milestones", "identifiers",
                        "description"))
                .body("[3].changedFields", contains("status"))
                .body("[3].reason", equalTo("feasibility study approved"))
                .body("[0].at", org.hamcrest.Matchers.notNullValue());
        // each history row keeps the version's snapshot: the project as GET answered it at that version
        String current = viewer().get(PROJECTS + "/" + code).then().extract().asString();
        assertEquals(JSON.readTree(current), JSON.readTree(snapshot(code, 5)));
    }

    @Test
    void statusMovesForwardOnlyAndCancelledIsFinal() {
        String zone = Api.zone(null);
        String code = Api.project(zone, null, null, "implementation");
        long events = Outboxes.events(dataSource, code);
        problem(editor().body("{\"status\": \"preparation\"}").post(PROJECTS + "/" + code + "/status"), 409)
                .body("detail", containsString("cannot move from implementation to preparation"));
        problem(editor().body("{\"status\": \"implementation\"}").post(PROJECTS + "/" + code + "/status"), 409)
                .body("detail", containsString("already implementation"));
        problem(editor().header("If-Match", "\"1\"").body(Api.projectJson(code, zone, null, null, "identification"))
                .put(PROJECTS + "/" + code), 409)
                .body("detail", containsString("cannot move from implementation to identification"));
        viewer().get(PROJECTS + "/" + code).then().body("status", equalTo("implementation")).body("version",
                equalTo(1));
        assertEquals(events, Outboxes.events(dataSource, code));

        editor().body("{\"status\": \"maintenance\"}").post(PROJECTS + "/" + code + "/status").then().statusCode(200);
        editor().body("{\"status\": \"cancelled\"}").post(PROJECTS + "/" + code + "/status").then().statusCode(200);
        long cancelled = Outboxes.events(dataSource, code);
        problem(editor().body("{\"status\": \"decommissioned\"}").post(PROJECTS + "/" + code + "/status"), 409)
                .body("detail", containsString("cancelled is final"));
        viewer().get(PROJECTS + "/" + code).then().body("status", equalTo("cancelled")).body("version", equalTo(3));
        assertEquals(cancelled, Outboxes.events(dataSource, code));
        problem(editor().body("{\"status\": \"finished\"}").post(PROJECTS + "/" + code + "/status"), 400)
                .body("errors[0].field", equalTo("status"));
        problem(editor().body("{\"status\": \"cancelled\"}").post(PROJECTS + "/no-such-project/status"), 404);
    }

    @Test
    void filtersPagingAndCsv() {
        String top = Api.zone(null);
        String middle = Api.zone(top);
        String leaf = Api.zone(middle);
        String programme = Api.programme(top, "cat-a", "cat-b");
        String inTop = Api.project(top, programme, "cat-a", "identification");
        String inLeaf = Api.project(leaf, programme, "cat-b", "implementation");
        String inMiddle = Api.project(middle, null, null, "implementation");

        viewer().queryParam("zone", top).get(PROJECTS).then().statusCode(200).body("total", equalTo(1))
                .body("items.code", contains(inTop));
        viewer().queryParam("zone", top).queryParam("includeSubzones", true).get(PROJECTS).then()
                .body("total", equalTo(3)).body("items.code", containsInAnyOrder(inTop, inLeaf, inMiddle));
        viewer().queryParam("zone", middle).queryParam("includeSubzones", true).get(PROJECTS).then()
                .body("items.code", containsInAnyOrder(inLeaf, inMiddle));
        viewer().queryParam("programme", programme).get(PROJECTS).then()
                .body("items.code", containsInAnyOrder(inTop, inLeaf));
        viewer().queryParam("programme", programme).queryParam("category", "cat-b").get(PROJECTS).then()
                .body("items.code", contains(inLeaf));
        viewer().queryParam("zone", top).queryParam("includeSubzones", true).queryParam("status", "implementation")
                .get(PROJECTS).then().body("items.code", containsInAnyOrder(inLeaf, inMiddle));
        viewer().queryParam("q", ("PROJECT " + inLeaf).toUpperCase()).get(PROJECTS).then()
                .body("items.code", contains(inLeaf));
        viewer().queryParam("q", inMiddle).get(PROJECTS).then().body("items.code", contains(inMiddle));
        viewer().queryParam("zone", top).queryParam("includeSubzones", true).queryParam("size", 2)
                .queryParam("page", 1).get(PROJECTS).then().body("items.size()", equalTo(1)).body("total", equalTo(3))
                .body("page", equalTo(1)).body("size", equalTo(2));
        problem(viewer().queryParam("status", "finished").get(PROJECTS), 400).body("errors[0].field",
                equalTo("status"));

        String csv = viewer().accept("text/csv").queryParam("zone", top).queryParam("includeSubzones", true)
                .get(PROJECTS).then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<String[]> rows = Csv.parse(csv);
        assertEquals(4, rows.size(), csv);
        assertEquals(List.of("code", "name", "zoneCode", "programmeCode", "categoryCode", "status", "sector",
                "estimatedAmount", "currency", "plannedStart", "plannedCompletion", "type", "version", "createdAt",
                "updatedAt"), List.of(rows.get(0)));
        String[] leafRow = rows.stream().filter(r -> r[0].equals(inLeaf)).findFirst().orElseThrow();
        assertEquals(List.of(inLeaf, "Project " + inLeaf, leaf, programme, "cat-b", "implementation",
                "transport.road", "1250000.50", "CNY", "2021-03-01", "2022-08-20", "construction", "1"),
                List.of(leafRow).subList(0, 13));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The snapshot a history row keeps of the project at that version. */
    private String snapshot(String code, long version) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT snapshot::text FROM project_version WHERE project_code = ? AND version = ?")) {
            select.setString(1, code);
            select.setLong(2, version);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unknownProjectIs404() {
        problem(viewer().get(PROJECTS + "/no-such-project"), 404);
        problem(viewer().get(PROJECTS + "/no-such-project/history"), 404);
    }
}
