package org.urbaninvest.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.urbaninvest.reporting.Api.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.Tokens;

/**
 * Every formula of SYSTEM.md §6 on a hand-computed case: a zone Z with a child C and a grandchild G.
 *
 * <pre>
 * A1 G  intended 100 CNY (2022-07) signed 80 (2022-08) started operational, disbursed 30 + 20
 * A2 C  intended 200 CNY signed 150, amended to 180, started, disbursed 60
 * A3 Z  intended 50 CNY, amended to 70
 * A4 C  intended 40 CNY, withdrawn
 * A5 G  intended 10 USD, signed 10 USD
 * A6 C  intended 300 CNY signed 250, then withdrawn
 * Z with subzones: intended 4 / CNY 370 + USD 10; signed 3 / CNY 260 + USD 10; started 2 / CNY 260;
 *   operational 1 / CNY 80; withdrawn 2 / CNY 340; funds in place CNY 110, USD 0.
 *   signing 3/4 = 0.7500, CNY 260/370 = 0.7027, USD 1.0000; start 2/3 = 0.6667; operational 1/3 = 0.3333;
 *   funds in place CNY 110/260 = 0.4231, USD 0/10 = 0.0000.
 * Projects: P1 G 1000 CNY implementation; P2 C 500 CNY cancelled; P3 Z 200 USD identification;
 *   P4 C 300 CNY preparation, then moved to G at 350 → count 3, CNY 1350 + USD 200, byStatus counts all 4.
 * </pre>
 */
@QuarkusTest
class ZoneReportTest {

    @Test
    void everyFormulaOnAHandComputedCase() {
        String z = TestEvents.unique("z");
        String c = TestEvents.unique("c");
        String g = TestEvents.unique("g");
        TestEvents.zone(z, null).send();
        TestEvents.zone(c, z).send();
        TestEvents.zone(g, c).send();
        Api.awaitZone(g);

        TestEvents.agreement(g, "100", "CNY", "2022-07-05").send().sign("80", "CNY", "2022-08-01").send()
                .start("2022-08-10").send().disburse("30", "2022-09-10").send().disburse("20", "2022-10-02").send()
                .operate("2022-12-01").send();
        TestEvents.agreement(c, "200", "CNY", "2022-07-20").send().sign("150", "CNY", "2022-08-15").send()
                .amendSigned("180").send().start("2022-09-01").send().disburse("60", "2022-09-01").send();
        TestEvents.agreement(z, "50", "CNY", "2022-07-21").send().amendIntended("70").send();
        TestEvents.agreement(c, "40", "CNY", "2022-07-22").send().withdraw("2022-08-01").send();
        TestEvents.agreement(g, "10", "USD", "2022-07-01").send().sign("10", "USD", "2022-11-01").send();
        TestEvents.agreement(c, "300", "CNY", "2022-07-23").send().sign("250", "CNY", "2022-08-20").send()
                .withdraw("2022-10-01").send();
        TestEvents.project(TestEvents.unique("p1"), g, "1000", "CNY").withStatus("implementation").send();
        TestEvents.project(TestEvents.unique("p2"), c, "500", "CNY").withStatus("cancelled").send();
        TestEvents.project(TestEvents.unique("p3"), z, "200", "USD").send();
        TestEvents.project(TestEvents.unique("p4"), c, "300", "CNY").withStatus("preparation").send()
                .update(g, "350").send();

        // events of different topics and keys arrive in any order: wait until every one is reflected
        Api.awaitAsserted("/api/v1/reports/zones/" + z, r -> {
            assertThat(text(r, "/zone")).isEqualTo(z);
            assertThat(r.get("asOf").isTextual()).isTrue();
            assertThat(r.at("/projects").toString()).isEqualTo("{\"count\":3,"
                    + "\"estimatedInvestment\":{\"CNY\":\"1350.00\",\"USD\":\"200.00\"},"
                    + "\"byStatus\":{\"identification\":1,\"preparation\":1,\"implementation\":1,\"completion\":0,"
                    + "\"maintenance\":0,\"decommissioning\":0,\"decommissioned\":0,\"cancelled\":1}}");
            assertThat(r.at("/agreements").toString()).isEqualTo("{"
                    + "\"intended\":{\"count\":4,\"amount\":{\"CNY\":\"370.00\",\"USD\":\"10.00\"}},"
                    + "\"signed\":{\"count\":3,\"amount\":{\"CNY\":\"260.00\",\"USD\":\"10.00\"}},"
                    + "\"started\":{\"count\":2,\"amount\":{\"CNY\":\"260.00\"}},"
                    + "\"operational\":{\"count\":1,\"amount\":{\"CNY\":\"80.00\"}},"
                    + "\"withdrawn\":{\"count\":2,\"amount\":{\"CNY\":\"340.00\"}},"
                    + "\"fundsInPlace\":{\"CNY\":\"110.00\",\"USD\":\"0.00\"}}");
            assertThat(r.at("/rates").toString()).isEqualTo("{\"signingByCount\":0.7500,"
                    + "\"signingByAmount\":{\"CNY\":0.7027,\"USD\":1.0000},\"startByCount\":0.6667,"
                    + "\"operationalByCount\":0.3333,\"fundsInPlaceByAmount\":{\"CNY\":0.4231,\"USD\":0.0000}}");
        });

        // without subzones: only A3 and P3 are Z's own
        JsonNode own = Api.json("/api/v1/reports/zones/" + z + "?includeSubzones=false");
        assertThat(own.at("/agreements/intended").toString()).isEqualTo("{\"count\":1,\"amount\":{\"CNY\":\"70.00\"}}");
        assertThat(own.at("/agreements/signed").toString()).isEqualTo("{\"count\":0,\"amount\":{}}");
        assertThat(own.at("/rates").toString()).isEqualTo("{\"signingByCount\":0.0000,"
                + "\"signingByAmount\":{\"CNY\":0.0000},\"startByCount\":null,\"operationalByCount\":null,"
                + "\"fundsInPlaceByAmount\":{}}");
        assertThat(own.at("/projects/estimatedInvestment").toString()).isEqualTo("{\"USD\":\"200.00\"}");

        // the middle level rolls up itself and G: A1, A2, A5 intended; A4, A6 withdrawn; P1, P2, P4
        JsonNode middle = Api.json("/api/v1/reports/zones/" + c);
        assertThat(middle.at("/agreements/intended").toString())
                .isEqualTo("{\"count\":3,\"amount\":{\"CNY\":\"300.00\",\"USD\":\"10.00\"}}");
        assertThat(middle.at("/agreements/withdrawn/count").asInt()).isEqualTo(2);
        assertThat(middle.at("/projects/count").asInt()).isEqualTo(2);
        JsonNode leaf = Api.json("/api/v1/reports/zones/" + g);
        assertThat(leaf.at("/projects/estimatedInvestment").toString()).isEqualTo("{\"CNY\":\"1350.00\"}");
        assertThat(leaf.at("/agreements/fundsInPlace").toString()).isEqualTo("{\"CNY\":\"50.00\",\"USD\":\"0.00\"}");
    }

    @Test
    void aKnownZoneWithoutDataAnswersZerosAndNullRates() {
        String empty = TestEvents.unique("empty");
        TestEvents.zone(empty, null).send();
        JsonNode report = Api.awaitZone(empty);
        assertThat(report.at("/projects").toString()).isEqualTo("{\"count\":0,\"estimatedInvestment\":{},"
                + "\"byStatus\":{\"identification\":0,\"preparation\":0,\"implementation\":0,\"completion\":0,"
                + "\"maintenance\":0,\"decommissioning\":0,\"decommissioned\":0,\"cancelled\":0}}");
        assertThat(report.at("/agreements").toString()).isEqualTo("{\"intended\":{\"count\":0,\"amount\":{}},"
                + "\"signed\":{\"count\":0,\"amount\":{}},\"started\":{\"count\":0,\"amount\":{}},"
                + "\"operational\":{\"count\":0,\"amount\":{}},\"withdrawn\":{\"count\":0,\"amount\":{}},"
                + "\"fundsInPlace\":{}}");
        assertThat(report.at("/rates").toString()).isEqualTo("{\"signingByCount\":null,\"signingByAmount\":{},"
                + "\"startByCount\":null,\"operationalByCount\":null,\"fundsInPlaceByAmount\":{}}");
    }

    @Test
    void unknownZoneAndProgrammeAnswer404() {
        assertNotFound("/api/v1/reports/zones/no-such-zone-anywhere",
                "no zone 'no-such-zone-anywhere' is known to the reports");
        assertNotFound("/api/v1/reports/programmes/no-such-programme",
                "no programme 'no-such-programme' is known to the reports");
        assertNotFound("/api/v1/reports/zones/no-such-zone-anywhere/timeseries?metric=signed",
                "no zone 'no-such-zone-anywhere' is known to the reports");
    }

    private static void assertNotFound(String path, String detail) {
        JsonNode problem = Api.parse(Api.get(path).then().statusCode(404).contentType("application/problem+json")
                .extract().asString());
        assertThat(text(problem, "/type")).isEqualTo("https://urbaninvest.org/problems/404");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(text(problem, "/detail")).isEqualTo(detail);
    }

    @Test
    void figuresOfAZoneNotYetKnownShowOnceItArrives() {
        String late = TestEvents.unique("late");
        TestEvents.agreement(late, "42", "CNY", "2022-07-01").send();
        TestEvents.project(TestEvents.unique("early"), late, "7", "CNY").send();
        TestEvents.zone(late, null).send();
        JsonNode report = Api.await("/api/v1/reports/zones/" + late,
                r -> r.at("/agreements/intended/count").asInt() == 1 && r.at("/projects/count").asInt() == 1);
        assertThat(report.at("/agreements/intended/amount/CNY").asText()).isEqualTo("42.00");
    }

    @Test
    void moving_a_zone_moves_its_figures_to_the_new_parent() {
        String oldParent = TestEvents.unique("old");
        String newParent = TestEvents.unique("new");
        TestEvents.zone(oldParent, null).send();
        TestEvents.zone(newParent, null).send();
        TestEvents.Zone child = TestEvents.zone(TestEvents.unique("moving"), oldParent).send();
        TestEvents.agreement(child.code, "5", "CNY", "2022-07-01").send();
        Api.await("/api/v1/reports/zones/" + oldParent, r -> r.at("/agreements/intended/count").asInt() == 1);
        child.reparent(newParent).send();
        Api.await("/api/v1/reports/zones/" + newParent, r -> r.at("/agreements/intended/count").asInt() == 1);
        assertThat(Api.json("/api/v1/reports/zones/" + oldParent).at("/agreements/intended/count").asInt()).isZero();
    }

    @Test
    void reportsNeedAToken() {
        given().when().get("/api/v1/reports/zones").then().statusCode(401);
        given().auth().oauth2(Tokens.expired()).when().get("/api/v1/reports/zones").then().statusCode(401);
        given().auth().oauth2(Tokens.signedByOtherKey()).when().get("/api/v1/reports/zones").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/reports/zones").then().statusCode(200);
    }

    @Test
    void badParametersAnswer400() {
        assertInvalid("/api/v1/reports/zones?size=501", "size", "must be between 1 and 500");
        assertInvalid("/api/v1/reports/zones?page=-1", "page", "must be 0 or more");
        String zone = TestEvents.unique("params");
        TestEvents.zone(zone, null).send();
        Api.awaitZone(zone);
        String series = "/api/v1/reports/zones/" + zone + "/timeseries";
        assertInvalid(series + "?metric=bogus", "metric", "must be one of intended, signed, fundsInPlace");
        assertInvalid(series, "metric", "must be one of intended, signed, fundsInPlace");
        // wire values only: the constant's name is not one
        assertInvalid(series + "?metric=FUNDS_IN_PLACE", "metric", "must be one of intended, signed, fundsInPlace");
        assertInvalid(series + "?metric=signed&interval=week", "interval", "must be one of month, quarter, year");
    }

    /** 400 with one error, naming the parameter and what it takes. */
    private static void assertInvalid(String path, String field, String message) {
        JsonNode problem = Api.parse(Api.get(path).then().statusCode(400).contentType("application/problem+json")
                .extract().asString());
        assertThat(problem.get("errors").toString()).as(path)
                .isEqualTo("[{\"field\":\"" + field + "\",\"message\":\"" + message + "\"}]");
    }
}
