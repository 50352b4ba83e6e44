package org.urbaninvest.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.urbaninvest.platform.time.Clock;

/**
 * The zone report as of a date, and its revisions (original vs amended), on a hand-computed case: a zone Z with a
 * child C. Amounts are as now known; each agreement counts from its {@code …On} date (the day itself included)
 * until its withdrawal.
 *
 * <pre>
 * A1 C  intended 100 CNY 2023-01-10, signed 80 2023-03-01, signed amended to 90, started 2023-05-01,
 *       disbursed 30 (received 2023-04-15) and 20 (2023-06-01)
 * A2 Z  intended 50 CNY 2023-02-01, amended to 70, withdrawn 2023-04-01
 * A3 C  intended 200 CNY 2023-03-01, signed 150 the same day, intended amended to 220, started 2023-03-20,
 *       operational 2023-06-30
 * A4 Z  intended 10 USD 2023-05-05
 * as of 2023-01-09: nothing.  2023-01-10: intended 1 / CNY 100.
 * as of 2023-02-28: intended 2 / CNY 170 (first recorded 150), no signature yet; amendments CNY 2 (A1's and
 *       A2's: an agreement's amendments, as now known, count while it is in the intended set).
 * as of 2023-03-01: intended 3 / CNY 390 (first recorded 350); signed 2 / CNY 240 (first recorded 230);
 *       funds in place CNY 0; signing 2/3 = 0.6667, CNY 240/390 = 0.6154; amendments CNY 3.
 * as of 2023-04-01: A2 withdrawn that day: withdrawn 1 / CNY 70; intended 2 / CNY 320; started 1 / CNY 150.
 * as of 2023-06-30: intended 3 / CNY 320 + USD 10; signed 2 / CNY 240; started 2 / CNY 240; operational 1 /
 *       CNY 150; funds in place CNY 50; amendments CNY 2, USD 0.
 * </pre>
 */
@QuarkusTest
class AsOfReportTest {

    private static final Instant NOW = Instant.parse("2024-06-01T10:00:00Z");

    @BeforeEach
    void fixTheClock() {
        QuarkusMock.installMockForType(new Clock(java.time.Clock.fixed(NOW, ZoneOffset.UTC)), Clock.class);
    }

    @Test
    void figuresAsOfADayCountFromEachStageDateAndTheDayItselfCounts() {
        String z = TestEvents.unique("asof");
        String c = TestEvents.unique("asof-child");
        TestEvents.zone(z, null).send();
        TestEvents.zone(c, z).send();
        Api.awaitZone(c);
        TestEvents.agreement(c, "100", "CNY", "2023-01-10").send().sign("80", "CNY", "2023-03-01").send()
                .amendSigned("90").send().disburse("30", "2023-04-15").send().start("2023-05-01").send()
                .disburse("20", "2023-06-01").send();
        TestEvents.agreement(z, "50", "CNY", "2023-02-01").send().amendIntended("70").send().withdraw("2023-04-01")
                .send();
        TestEvents.agreement(c, "200", "CNY", "2023-03-01").send().sign("150", "CNY", "2023-03-01").send()
                .amendIntended("220").send().start("2023-03-20").send().operate("2023-06-30").send();
        TestEvents.agreement(z, "10", "USD", "2023-05-05").send();
        String report = "/api/v1/reports/zones/" + z;
        Api.await(report, r -> r.at("/agreements/intended/count").asInt() == 3
                && r.at("/agreements/withdrawn/count").asInt() == 1 && r.at("/agreements/operational/count").asInt() == 1
                && "50.00".equals(r.at("/agreements/fundsInPlace/CNY").asText())
                && "320.00".equals(r.at("/agreements/intended/amount/CNY").asText()));

        JsonNode before = Api.json(report + "?asOf=2023-01-09");
        assertThat(before.at("/agreements").toString()).isEqualTo(EMPTY_AGREEMENTS);
        assertThat(Api.text(before, "/asOfDate")).isEqualTo("2023-01-09");
        assertThat(Api.json(report + "?asOf=2023-01-10").at("/agreements/intended").toString())
                .isEqualTo("{\"count\":1,\"amount\":{\"CNY\":\"100.00\"}}");

        JsonNode february = Api.json(report + "?asOf=2023-02-28");
        assertThat(february.at("/agreements/intended").toString())
                .isEqualTo("{\"count\":2,\"amount\":{\"CNY\":\"170.00\"}}");
        assertThat(february.at("/agreements/signed").toString()).isEqualTo("{\"count\":0,\"amount\":{}}");
        assertThat(february.at("/revisions").toString()).isEqualTo("{"
                + "\"intended\":{\"original\":{\"CNY\":\"150.00\"},\"current\":{\"CNY\":\"170.00\"},"
                + "\"change\":{\"CNY\":\"20.00\"}},"
                + "\"signed\":{\"original\":{},\"current\":{},\"change\":{}},\"amendments\":{\"CNY\":2}}");

        // the day of signing counts
        JsonNode signingDay = Api.json(report + "?asOf=2023-03-01");
        assertThat(signingDay.at("/agreements").toString()).isEqualTo("{"
                + "\"intended\":{\"count\":3,\"amount\":{\"CNY\":\"390.00\"}},"
                + "\"signed\":{\"count\":2,\"amount\":{\"CNY\":\"240.00\"}},"
                + "\"started\":{\"count\":0,\"amount\":{}},\"operational\":{\"count\":0,\"amount\":{}},"
                + "\"withdrawn\":{\"count\":0,\"amount\":{}},\"fundsInPlace\":{\"CNY\":\"0.00\"}}");
        assertThat(signingDay.at("/rates").toString()).isEqualTo("{\"signingByCount\":0.6667,"
                + "\"signingByAmount\":{\"CNY\":0.6154},\"startByCount\":0.0000,\"operationalByCount\":0.0000,"
                + "\"fundsInPlaceByAmount\":{\"CNY\":0.0000}}");
        assertThat(signingDay.at("/revisions").toString()).isEqualTo("{"
                + "\"intended\":{\"original\":{\"CNY\":\"350.00\"},\"current\":{\"CNY\":\"390.00\"},"
                + "\"change\":{\"CNY\":\"40.00\"}},"
                + "\"signed\":{\"original\":{\"CNY\":\"230.00\"},\"current\":{\"CNY\":\"240.00\"},"
                + "\"change\":{\"CNY\":\"10.00\"}},\"amendments\":{\"CNY\":3}}");

        // the day of withdrawal counts as withdrawn
        JsonNode withdrawalDay = Api.json(report + "?asOf=2023-04-01");
        assertThat(withdrawalDay.at("/agreements/withdrawn").toString())
                .isEqualTo("{\"count\":1,\"amount\":{\"CNY\":\"70.00\"}}");
        assertThat(withdrawalDay.at("/agreements/intended").toString())
                .isEqualTo("{\"count\":2,\"amount\":{\"CNY\":\"320.00\"}}");
        assertThat(withdrawalDay.at("/agreements/started").toString())
                .isEqualTo("{\"count\":1,\"amount\":{\"CNY\":\"150.00\"}}");
        assertThat(Api.json(report + "?asOf=2023-03-31").at("/agreements/withdrawn/count").asInt()).isZero();
        assertThat(Api.json(report + "?asOf=2023-04-14").at("/agreements/fundsInPlace").toString())
                .isEqualTo("{\"CNY\":\"0.00\"}");
        assertThat(Api.json(report + "?asOf=2023-04-15").at("/agreements/fundsInPlace").toString())
                .isEqualTo("{\"CNY\":\"30.00\"}");

        JsonNode end = Api.json(report + "?asOf=2023-06-30");
        assertThat(end.at("/agreements").toString()).isEqualTo("{"
                + "\"intended\":{\"count\":3,\"amount\":{\"CNY\":\"320.00\",\"USD\":\"10.00\"}},"
                + "\"signed\":{\"count\":2,\"amount\":{\"CNY\":\"240.00\"}},"
                + "\"started\":{\"count\":2,\"amount\":{\"CNY\":\"240.00\"}},"
                + "\"operational\":{\"count\":1,\"amount\":{\"CNY\":\"150.00\"}},"
                + "\"withdrawn\":{\"count\":1,\"amount\":{\"CNY\":\"70.00\"}},\"fundsInPlace\":{\"CNY\":\"50.00\"}}");
        assertThat(end.at("/revisions/amendments").toString()).isEqualTo("{\"CNY\":2,\"USD\":0}");

        // without the subzone: A2 and A4 only; every date being past, as of today is the report as it stands
        assertThat(Api.json(report + "?asOf=2023-06-30&includeSubzones=false").at("/agreements/intended").toString())
                .isEqualTo("{\"count\":1,\"amount\":{\"USD\":\"10.00\"}}");
        JsonNode current = Api.json(report);
        assertThat(current.get("asOfDate").isNull()).isTrue();
        assertThat(figures(Api.json(report + "?asOf=2024-06-01"))).isEqualTo(figures(current));
        assertThat(figures(end)).isEqualTo(figures(current));
    }

    @Test
    void revisionsComeFromTheHistoryWhateverVersionsArriveAndInWhatOrder() {
        String zone = TestEvents.unique("revised");
        TestEvents.zone(zone, null).send();
        Api.awaitZone(zone);
        // only the fourth version arrives, then the second (stale), then the fourth again
        TestEvents.Agreement late = TestEvents.agreement(zone, "100", "EUR", "2023-01-01").amendIntended("120");
        String second = late.json();
        String secondType = late.type();
        late.sign("90", "EUR", "2023-02-01").amendSigned("95");
        String fourth = late.json();
        TestEvents.send("agreements.v1", late.id(), late.type(), fourth, Instant.now());
        TestEvents.send("agreements.v1", late.id(), secondType, second, Instant.now());
        TestEvents.send("agreements.v1", late.id(), late.type(), fourth, Instant.now());
        TestEvents.agreement(TestEvents.keyOnSamePartition("agreements.v1", late.id()), zone, "5", "CNY",
                "2023-01-02").send();
        JsonNode report = Api.await("/api/v1/reports/zones/" + zone,
                r -> r.at("/agreements/intended/count").asInt() == 2);
        assertThat(report.at("/revisions").toString()).isEqualTo("{"
                + "\"intended\":{\"original\":{\"CNY\":\"5.00\",\"EUR\":\"100.00\"},"
                + "\"current\":{\"CNY\":\"5.00\",\"EUR\":\"120.00\"},\"change\":{\"CNY\":\"0.00\",\"EUR\":\"20.00\"}},"
                + "\"signed\":{\"original\":{\"EUR\":\"90.00\"},\"current\":{\"EUR\":\"95.00\"},"
                + "\"change\":{\"EUR\":\"5.00\"}},\"amendments\":{\"CNY\":0,\"EUR\":2}}");
        // "now" is the report's figures: amendments replace
        assertThat(report.at("/revisions/intended/current")).isEqualTo(report.at("/agreements/intended/amount"));
        assertThat(report.at("/revisions/signed/current")).isEqualTo(report.at("/agreements/signed/amount"));
    }

    @Test
    void asOfOnEveryZoneAndInTheCsv() {
        String zone = TestEvents.unique("asof-all");
        TestEvents.zone(zone, null).send();
        TestEvents.agreement(zone, "7", "CNY", "2023-01-10").send().sign("6", "CNY", "2023-02-10").send();
        Api.await("/api/v1/reports/zones/" + zone, r -> r.at("/agreements/signed/count").asInt() == 1);
        JsonNode page = Api.json("/api/v1/reports/zones?size=500&asOf=2023-02-09");
        JsonNode mine = null;
        for (JsonNode item : page.get("items")) {
            if (zone.equals(item.get("zone").asText())) {
                mine = item;
            }
        }
        assertThat(mine).isEqualTo(Api.json("/api/v1/reports/zones/" + zone + "?asOf=2023-02-09"));
        assertThat(mine.at("/agreements/signed/count").asInt()).isZero();
        assertThat(mine.at("/agreements/intended/count").asInt()).isEqualTo(1);

        String csv = io.restassured.RestAssured.given().auth().oauth2(org.urbaninvest.testsupport.Tokens.viewer())
                .accept("text/csv").when().get("/api/v1/reports/zones?asOf=2023-02-10").then().statusCode(200)
                .extract().asString();
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        String row = lines.stream().filter(line -> line.startsWith(zone + ",")).findFirst().orElseThrow();
        List<String> values = List.of(row.split(",", -1));
        assertThat(values.get(header.indexOf("asOfDate"))).isEqualTo("2023-02-10");
        assertThat(values.get(header.indexOf("agreements.signed.count"))).isEqualTo("1");
        assertThat(values.get(header.indexOf("revisions.signed.original.CNY"))).isEqualTo("6.00");
    }

    @Test
    void anAsOfInTheFutureBefore1990OrMalformedAnswers400() {
        String zone = TestEvents.unique("asof-bad");
        TestEvents.zone(zone, null).send();
        Api.awaitZone(zone);
        String report = "/api/v1/reports/zones/" + zone;
        Api.get(report + "?asOf=2024-06-01").then().statusCode(200); // today, by the clock
        Api.get(report + "?asOf=1990-01-01").then().statusCode(200);
        for (String path : List.of(report, "/api/v1/reports/zones")) {
            assertInvalid(path + "?asOf=2024-06-02", "must not be after today (2024-06-01)");
            assertInvalid(path + "?asOf=1989-12-31", "must be 1990-01-01 or later");
            assertInvalid(path + "?asOf=30.06.2023", "must be a date YYYY-MM-DD");
            assertInvalid(path + "?asOf=2023-02-30", "must be a date YYYY-MM-DD");
        }
        io.restassured.RestAssured.given().auth().oauth2(org.urbaninvest.testsupport.Tokens.viewer())
                .accept("text/csv").when().get("/api/v1/reports/zones?asOf=2024-06-02").then().statusCode(400)
                .contentType("application/problem+json");
    }

    static void assertInvalid(String path, String message) {
        JsonNode problem = Api.parse(Api.get(path).then().statusCode(400).contentType("application/problem+json")
                .extract().asString());
        assertThat(problem.get("errors").toString()).as(path)
                .isEqualTo("[{\"field\":\"asOf\",\"message\":\"" + message + "\"}]");
    }

    /** The figures, without the day they were asked for (nor the time of the newest event, which may move). */
    private static JsonNode figures(JsonNode report) {
        ObjectNode figures = report.deepCopy();
        figures.remove(List.of("asOf", "asOfDate"));
        return figures;
    }

    private static final String EMPTY_AGREEMENTS = "{\"intended\":{\"count\":0,\"amount\":{}},"
            + "\"signed\":{\"count\":0,\"amount\":{}},\"started\":{\"count\":0,\"amount\":{}},"
            + "\"operational\":{\"count\":0,\"amount\":{}},\"withdrawn\":{\"count\":0,\"amount\":{}},"
            + "\"fundsInPlace\":{}}";
}
