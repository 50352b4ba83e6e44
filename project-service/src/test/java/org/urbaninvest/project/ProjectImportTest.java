package org.urbaninvest.project;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.urbaninvest.project.Api.PROJECTS;
import static org.urbaninvest.project.Api.problem;
import static org.urbaninvest.project.Api.viewer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.Tokens;

@QuarkusTest
class ProjectImportTest {

    static final String HEADER = "code,name,zoneCode,programmeCode,categoryCode,status,sector,estimatedAmount,currency,"
            + "plannedStart,plannedCompletion\n";

    @Inject
    AgroalDataSource dataSource;

    String zone;
    String programme;

    @BeforeEach
    void setUp() {
        zone = Api.zone(null);
        programme = Api.programme(zone, "cat-a", "cat-b");
    }

    static RequestSpecification csv() {
        return io.restassured.RestAssured.given().auth().oauth2(Tokens.editor()).contentType("text/csv");
    }

    static Response importing(String body) {
        return csv().body(body).post(PROJECTS + "/import");
    }

    @Test
    void importsNewProjectsThenUpsertsByCode() {
        String a = Api.unique("im");
        String b = Api.unique("im");
        String c = Api.unique("im");
        String file = HEADER
                + a + ",\"Jialing River (Caijia section), ecological corridor\"," + zone + "," + programme
                + ",cat-a,identification,environment,3500000000.00,CNY,2022-10-01,2025-12-31\n"
                + b + ",Caijia EOD project," + zone + "," + programme + ",cat-b,preparation,,1200000000,CNY,,\n"
                + c + ",Unlisted project," + zone + ",,,implementation,transport.road,0.5,USD,2020-01-01,\n";
        importing(file).then().statusCode(200).body("created", equalTo(3)).body("updated", equalTo(0))
                .body("unchanged", equalTo(0));
        viewer().get(PROJECTS + "/" + a).then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("Jialing River (Caijia section), ecological corridor"))
                .body("categoryCode", equalTo("cat-a")).body("estimatedInvestment.amount", equalTo("3500000000.00"))
                .body("plannedCompletion", equalTo("2025-12-31")).body("location", nullValue());
        viewer().get(PROJECTS + "/" + b).then().body("sector", nullValue()).body("plannedStart", nullValue())
                .body("estimatedInvestment.amount", equalTo("1200000000.00"));
        viewer().get(PROJECTS + "/" + c).then().body("programmeCode", nullValue())
                .body("estimatedInvestment.currency", equalTo("USD"));
        viewer().get(PROJECTS + "/" + a + "/history").then().body("change", contains("registered"))
                .body("[0].actor", equalTo("editor-user"));

        // the same file again changes nothing; a changed line makes a new version with its history
        importing(file).then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0))
                .body("unchanged", equalTo(3));
        String d = Api.unique("im");
        String changed = file.replace("Caijia EOD project", "Caijia EOD project (phase 1)")
                .replace("implementation,transport.road", "completion,transport.road")
                + d + ",Another," + zone + ",,,identification,,1,CNY,,\n";
        importing(changed).then().statusCode(200).body("created", equalTo(1)).body("updated", equalTo(2))
                .body("unchanged", equalTo(1));
        viewer().get(PROJECTS + "/" + b).then().header("ETag", "\"2\"").body("name",
                equalTo("Caijia EOD project (phase 1)"));
        viewer().get(PROJECTS + "/" + b + "/history").then().body("version", contains(1, 2))
                .body("change", contains("registered", "imported")).body("[1].changedFields", contains("name"));
        viewer().get(PROJECTS + "/" + c).then().body("status", equalTo("completion")).body("version", equalTo(2));
        viewer().get(PROJECTS + "/" + a).then().body("version", equalTo(1));
        assertEquals(2, Outboxes.events(dataSource, b));
        assertEquals(1, Outboxes.events(dataSource, a));
    }

    @Test
    void anUpsertKeepsWhatTheFileDoesNotCarry() {
        String code = Api.project(zone, programme, "cat-a", "identification");
        importing(HEADER + code + ",Renamed by import," + zone + "," + programme
                + ",cat-a,identification,transport.road,1250000.50,CNY,2021-03-01,2022-08-20\n")
                .then().statusCode(200).body("updated", equalTo(1));
        viewer().get(PROJECTS + "/" + code).then().body("name", equalTo("Renamed by import"))
                .body("location.type", equalTo("LineString")).body("milestones[0].code", equalTo("opening"))
                .body("type", equalTo("construction")).body("version", equalTo(2));
    }

    @Test
    void aBadLineAmongGoodOnesWritesNothing() {
        String good1 = Api.unique("im");
        String good2 = Api.unique("im");
        String existing = Api.project(zone, null, null, "completion");
        String file = HEADER
                + good1 + ",Good one," + zone + ",,,identification,,100,CNY,,\n"
                + "Bad Code,,no-such-zone,,,finished,,-1.005,cny,2022-13-01,\n"
                + good2 + ",Good two," + zone + "," + programme + ",cat-a,identification,,200,CNY,,\n"
                + good1 + ",Repeated," + zone + ",,,identification,,100,CNY,,\n"
                + existing + ",Moves back," + zone + ",,,preparation,,100,CNY,,\n"
                + "x-" + good2 + ",Wrong category," + zone + "," + programme + ",cat-z,identification,,1,CNY,,\n"
                + "too,few,values\n";
        problem(importing(file), 422)
                .body("lines.line", contains(3, 5, 6, 7, 8))
                .body("lines[0].errors.field", containsInAnyOrder("code", "name", "zoneCode", "status",
                        "estimatedAmount", "currency", "plannedStart"))
                .body("lines[1].errors.field", contains("code"))
                .body("lines[2].errors.field", contains("status"))
                .body("lines[3].errors.field", contains("categoryCode"))
                .body("lines[4].errors.field", contains("line"));
        problem(viewer().get(PROJECTS + "/" + good1), 404);
        problem(viewer().get(PROJECTS + "/" + good2), 404);
        viewer().get(PROJECTS + "/" + existing).then().body("status", equalTo("completion"))
                .body("name", equalTo("Project " + existing)).body("version", equalTo(1));
        assertEquals(0, Outboxes.events(dataSource, good1));
        viewer().queryParam("zone", zone).get(PROJECTS).then().body("total", equalTo(1));
    }

    @Test
    void headerProblemsAre400() {
        String code = Api.unique("im");
        problem(importing("code,name\n" + code + ",y\n"), 400).body("errors.field", everyItem(equalTo("header")))
                .body("errors.message", hasItems("missing column zoneCode", "missing column plannedCompletion"));
        problem(importing(HEADER.replace("sector", "sektor")), 400).body("errors.message",
                containsInAnyOrder("unknown column sektor", "missing column sector"));
        problem(importing(HEADER.replace("name,", "name,name,")), 400).body("errors.message",
                contains("column name appears twice"));
        problem(importing(""), 400).body("errors.field", contains("header"));
        problem(viewer().get(PROJECTS + "/" + code), 404);
    }

    @Test
    void unreadableCsvIs400AndWritesNothing() {
        String good = Api.unique("im");
        String unterminated = Api.unique("im");
        problem(importing(HEADER + good + ",Good," + zone + ",,,identification,,1,CNY,,\n"
                + unterminated + ",\"Unterminated," + zone + ",,,identification,,1,CNY,,\n"), 400)
                .body("errors.field", contains("body"));
        problem(viewer().get(PROJECTS + "/" + good), 404);
        assertEquals(0, Outboxes.events(dataSource, good));
    }

    @Test
    void anExportedFileImportsAgainUnchanged() {
        String code = Api.project(zone, programme, "cat-b", "preparation");
        String exported = viewer().accept("text/csv").queryParam("zone", zone).get(PROJECTS).then().statusCode(200)
                .extract().asString();
        importing(exported).then().statusCode(200).body("unchanged", equalTo(1)).body("created", equalTo(0));
        viewer().get(PROJECTS + "/" + code).then().body("version", equalTo(1));
    }

    @Test
    void oneHundredThousandLinesInOneImport() {
        String prefix = Api.unique("bulk");
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i < 100_000; i++) {
            file.append(prefix).append('-').append(i).append(",Bulk project ").append(i).append(',').append(zone)
                    .append(',').append(programme).append(i % 2 == 0 ? ",cat-a" : ",cat-b")
                    .append(",identification,transport.road,").append(1000 + i).append(".25,CNY,2023-01-01,2025-06-30\n");
        }
        importing(file.toString()).then().statusCode(200).body("created", equalTo(100_000))
                .body("updated", equalTo(0));
        viewer().queryParam("zone", zone).queryParam("size", 1).get(PROJECTS).then().body("total",
                equalTo(100_000));
        viewer().queryParam("programme", programme).queryParam("category", "cat-b").queryParam("size", 1)
                .get(PROJECTS).then().body("total", equalTo(50_000));
        problem(importing(file.append(prefix).append("-x,One too many,").append(zone)
                .append(",,,identification,,1,CNY,,\n").toString()), 413);
    }
}
