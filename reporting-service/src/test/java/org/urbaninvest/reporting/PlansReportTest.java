package org.urbaninvest.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.KafkaTestClient;
import org.urbaninvest.testsupport.Tokens;

/**
 * {@code GET /api/v1/reports/zones/{code}/plans} from plans.v1 events the test publishes as project-service does:
 * the newest version of a plan wins whatever the order of delivery, progress and on-track against the figures the
 * test works out itself, derived indicators following agreement and project events, and the roll-up of SUM
 * indicators from the plans of the zones beneath.
 */
@QuarkusTest
class PlansReportTest {

    private static final String TODAY = "2026-06-30";

    @BeforeEach
    void clock() {
        TestClock.at(TODAY + "T12:00:00Z");
    }

    private static String plans(String zone) {
        return "/api/v1/reports/zones/" + zone + "/plans";
    }

    /** (actual − baseline) / (target − baseline) to 4 places, half-even, worked out here on its own. */
    private static BigDecimal progress(String baseline, String actual, String target) {
        BigDecimal b = new BigDecimal(baseline);
        return new BigDecimal(actual).subtract(b).divide(new BigDecimal(target).subtract(b), MathContext.DECIMAL128)
                .setScale(4, RoundingMode.HALF_EVEN);
    }

    /** The share of the days from the end of the baseline year to the end of the target year gone by {@code day}. */
    private static double share(int baselineYear, int targetYear, String day) {
        LocalDate start = LocalDate.of(baselineYear, 12, 31);
        return (double) ChronoUnit.DAYS.between(start, LocalDate.parse(day))
                / ChronoUnit.DAYS.between(start, LocalDate.of(targetYear, 12, 31));
    }

    private static JsonNode indicator(JsonNode report, String plan, String code) {
        for (JsonNode each : report.get("plans")) {
            if (plan.equals(each.get("code").asText())) {
                for (JsonNode indicator : each.get("indicators")) {
                    if (code.equals(indicator.get("code").asText())) {
                        return indicator;
                    }
                }
            }
        }
        throw new AssertionError("no indicator " + code + " of plan " + plan + " in " + report);
    }

    @Test
    void theNewestVersionWinsWhateverTheOrderAndProgressIsMeasuredFromTheBaseline() {
        String zone = TestEvents.unique("plan-zone");
        String markerZone = TestEvents.unique("plan-marker-zone");
        TestEvents.zone(zone, null).send();
        TestEvents.zone(markerZone, null).send();
        Api.awaitZone(zone);
        Api.awaitZone(markerZone);
        String code = TestEvents.unique("plan");
        TestEvents.Plan plan = TestEvents.plan(code, zone)
                .indicator("population", "persons", "SUM", 2021, "1000000", 2030, "1100000", 2035, "1000000")
                .indicator("forest-cover", "percent", "NONE", 2021, "40", 2030, "30");
        String v1 = plan.json();
        String v2 = plan.observe("population", "2022-12-31", "1005000").json();
        String v3 = plan.observe("population", "2023-12-31", "1012345").json();
        String v4 = plan.observe("forest-cover", "2024-12-31", "35").json();
        // the newest first, then the older ones late, then the newest again
        for (String value : List.of(v4, v2, v1, v3, v4)) {
            TestEvents.send("plans.v1", code, "plan.observation-recorded", value, Instant.now());
        }
        TestEvents.Plan marker = TestEvents.plan(TestEvents.kafka().keyOnSamePartition("plans.v1", code,
                () -> TestEvents.unique("plan-marker")), markerZone).indicator("x", "count", "NONE", 2021, "0", 2030, "1");
        marker.send();
        Api.await(plans(markerZone), r -> r.at("/plans").size() == 1);

        JsonNode report = Api.json(plans(zone));
        assertThat(report.get("zone").asText()).isEqualTo(zone);
        assertThat(report.get("asOfDate").isNull()).isTrue();
        assertThat(report.get("plans")).hasSize(1);
        JsonNode listed = report.at("/plans/0");
        assertThat(listed.get("version").asLong()).isEqualTo(4);
        assertThat(listed.get("zoneCode").asText()).isEqualTo(zone);
        assertThat(listed.at("/period/endDate").asText()).isEqualTo("2035-12-31");

        JsonNode population = indicator(report, code, "population");
        assertThat(population.at("/baseline").toString()).isEqualTo("{\"year\":2021,\"value\":\"1000000\"}");
        assertThat(population.at("/actual/value").asText()).isEqualTo("1012345");
        assertThat(population.at("/actual/date").asText()).isEqualTo("2023-12-31");
        assertThat(population.at("/actual/source").asText()).isEqualTo("survey 2023-12-31");
        // 12345 / 100000 = 0.12345: half-even gives 0.1234
        BigDecimal toward2030 = progress("1000000", "1012345", "1100000");
        assertThat(toward2030).isEqualByComparingTo("0.1234");
        assertThat(population.at("/targets/0/year").asInt()).isEqualTo(2030);
        assertThat(population.at("/targets/0/progress").decimalValue()).isEqualByComparingTo(toward2030);
        // the 2035 target equals the baseline: no progress to measure
        assertThat(population.at("/targets/1/value").asText()).isEqualTo("1000000");
        assertThat(population.at("/targets/1/progress").isNull()).isTrue();
        // next target 2030 (2026 has not ended); behind a linear path at the observation's date
        double expected = share(2021, 2030, "2023-12-31");
        assertThat(population.at("/nextTarget/year").asInt()).isEqualTo(2030);
        assertThat(population.at("/nextTarget/expectedProgress").doubleValue()).isCloseTo(expected,
                org.assertj.core.data.Offset.offset(0.00005));
        assertThat(toward2030.doubleValue()).isLessThan(expected);
        assertThat(population.get("onTrack").asBoolean()).isFalse();
        assertThat(population.get("rollUp").isNull()).as("no zone beneath").isTrue();

        // a falling target: 40 → 30 by 2030, 35 at the end of 2024, half way after a third of the time
        JsonNode forest = indicator(report, code, "forest-cover");
        assertThat(forest.at("/targets/0/progress").decimalValue()).isEqualByComparingTo(progress("40", "35", "30"))
                .isEqualByComparingTo("0.5");
        assertThat(0.5).isGreaterThan(share(2021, 2030, "2024-12-31"));
        assertThat(forest.get("onTrack").asBoolean()).isTrue();

        // as of a day: the observations up to it
        JsonNode before = Api.json(plans(zone) + "?asOf=2023-06-30");
        assertThat(before.get("asOfDate").asText()).isEqualTo("2023-06-30");
        JsonNode then = indicator(before, code, "population");
        assertThat(then.at("/actual/value").asText()).isEqualTo("1005000");
        assertThat(then.at("/targets/0/progress").decimalValue())
                .isEqualByComparingTo(progress("1000000", "1005000", "1100000"));
        assertThat(indicator(before, code, "forest-cover").get("actual").isNull()).isTrue();
        assertThat(indicator(before, code, "forest-cover").get("onTrack").isNull()).isTrue();

        // an update (a PUT) moves the target; the figures follow
        plan.retarget("population", 2030, "1050000", 2035, "1000000").send();
        JsonNode retargeted = Api.await(plans(zone), r -> r.at("/plans/0/version").asLong() == 5);
        assertThat(indicator(retargeted, code, "population").at("/targets/0/progress").decimalValue())
                .isEqualByComparingTo(progress("1000000", "1012345", "1050000"));
    }

    @Test
    void derivedIndicatorsFollowTheAgreementsAndProjectsOfTheZoneAndItsSubzones() {
        String zone = TestEvents.unique("plan-derived");
        String child = TestEvents.unique("plan-derived-child");
        TestEvents.zone(zone, null).send();
        TestEvents.zone(child, zone).send();
        Api.await("/api/v1/reports/zones/" + child, r -> true);
        String code = TestEvents.unique("plan-derived");
        TestEvents.plan(code, zone)
                .derived("signed", "CNY", "SUM", "signed-investment", 2021, "0", 2030, "700")
                .derived("funds", "CNY", "SUM", "funds-in-place", 2021, "0", 2030, "800")
                .derived("registered", "CNY", "NONE", "registered-investment", 2021, "100", 2030, "500")
                .derived("signed-usd", "USD", "SUM", "signed-investment", 2021, "0", 2030, "10")
                .send();
        JsonNode empty = Api.await(plans(zone), r -> r.at("/plans").size() == 1);
        assertThat(indicator(empty, code, "signed").at("/actual/value").asText()).isEqualTo("0.00");
        assertThat(indicator(empty, code, "signed").at("/actual/date").asText()).isEqualTo(TODAY);

        TestEvents.Agreement agreement = TestEvents.agreement(child, "500", "CNY", "2022-07-01").send()
                .sign("400", "CNY", "2022-08-01").send().disburse("100", "2022-09-01").send();
        TestEvents.project(TestEvents.unique("plan-project"), zone, "300", "CNY").send();
        TestEvents.project(TestEvents.unique("plan-project"), child, "50", "CNY").withStatus("cancelled").send();
        JsonNode report = Api.await(plans(zone), r -> "100.00".equals(indicator(r, code, "funds").at("/actual/value")
                .asText()) && "300.00".equals(indicator(r, code, "registered").at("/actual/value").asText()));
        JsonNode signed = indicator(report, code, "signed");
        assertThat(signed.at("/actual/value").asText()).isEqualTo("400.00");
        assertThat(signed.at("/targets/0/progress").decimalValue()).isEqualByComparingTo(progress("0", "400", "700"));
        // the path to 2030 at the report's day: 400 / 700 ahead of the time gone
        assertThat(400.0 / 700).isGreaterThan(share(2021, 2030, TODAY));
        assertThat(signed.get("onTrack").asBoolean()).isTrue();
        assertThat(indicator(report, code, "funds").at("/targets/0/progress").decimalValue())
                .isEqualByComparingTo(progress("0", "100", "800"));
        assertThat(100.0 / 800).isLessThan(share(2021, 2030, TODAY));
        assertThat(indicator(report, code, "funds").get("onTrack").asBoolean()).isFalse();
        // registered investment: the non-cancelled projects' estimated investment
        assertThat(indicator(report, code, "registered").at("/targets/0/progress").decimalValue())
                .isEqualByComparingTo(progress("100", "300", "500"));
        assertThat(indicator(report, code, "signed-usd").at("/actual/value").asText()).isEqualTo("0.00");

        // an amendment replaces the amount; as of a day before the signing, nothing was signed
        agreement.amendSigned("650").send();
        JsonNode amended = Api.await(plans(zone), r -> "650.00".equals(indicator(r, code, "signed")
                .at("/actual/value").asText()));
        assertThat(indicator(amended, code, "signed").at("/targets/0/progress").decimalValue())
                .isEqualByComparingTo(progress("0", "650", "700"));
        JsonNode asOf = Api.json(plans(zone) + "?asOf=2022-07-31");
        assertThat(indicator(asOf, code, "signed").at("/actual").toString())
                .isEqualTo("{\"value\":\"0.00\",\"date\":\"2022-07-31\",\"source\":null}");
        assertThat(indicator(asOf, code, "funds").at("/actual/value").asText()).isEqualTo("0.00");
        // the child zone's own figure rolls up to the parent's SUM indicator when the child has such a plan
        String childPlan = TestEvents.unique("plan-derived-child");
        TestEvents.plan(childPlan, child).derived("signed", "CNY", "SUM", "signed-investment", 2021, "0", 2030, "700")
                .send();
        JsonNode rolled = Api.await(plans(zone), r -> !indicator(r, code, "signed").get("rollUp").isNull());
        assertThat(indicator(rolled, code, "signed").at("/rollUp/actual").asText()).isEqualTo("650.00");
        assertThat(indicator(rolled, code, "signed").at("/rollUp/plans/0/plan").asText()).isEqualTo(childPlan);
    }

    @Test
    void sumIndicatorsRollUpFromTheNearestZonesBeneathThatHaveThem() {
        String top = TestEvents.unique("plan-top");
        String left = TestEvents.unique("plan-left");
        String leftBelow = TestEvents.unique("plan-left-below");
        String right = TestEvents.unique("plan-right");
        String rightBelow = TestEvents.unique("plan-right-below");
        TestEvents.zone(top, null).send();
        TestEvents.zone(left, top).send();
        TestEvents.zone(leftBelow, left).send();
        TestEvents.zone(right, top).send();
        TestEvents.zone(rightBelow, right).send();
        for (String zone : List.of(leftBelow, rightBelow)) {
            Api.awaitZone(zone);
        }
        String topPlan = TestEvents.unique("plan-top");
        TestEvents.plan(topPlan, top).indicator("population", "persons", "SUM", 2021, "1000", 2030, "2000")
                .indicator("forest-cover", "percent", "NONE", 2021, "40", 2030, "45").send();
        // left has the indicator: it stands for the zone beneath it, whose plan is not counted again
        String leftPlan = TestEvents.unique("plan-left");
        TestEvents.plan(leftPlan, left).indicator("population", "persons", "SUM", 2021, "600", 2030, "1200")
                .indicator("forest-cover", "percent", "NONE", 2021, "30", 2030, "35")
                .observe("population", "2024-12-31", "700").observe("forest-cover", "2024-12-31", "31").send();
        TestEvents.plan(TestEvents.unique("plan-left-below"), leftBelow)
                .indicator("population", "persons", "SUM", 2021, "100", 2030, "200")
                .observe("population", "2024-12-31", "150").send();
        // right has no such plan: the zone beneath it counts; a plan in another unit or not summed does not
        String rightBelowPlan = TestEvents.unique("plan-right-below");
        TestEvents.plan(rightBelowPlan, rightBelow).indicator("population", "persons", "SUM", 2021, "40", 2030, "80")
                .observe("population", "2023-12-31", "50").observe("population", "2025-12-31", "55").send();
        TestEvents.plan(TestEvents.unique("plan-right-count"), right)
                .indicator("population", "count", "SUM", 2021, "1", 2030, "2").observe("population", "2024-12-31", "9")
                .send();
        TestEvents.plan(TestEvents.unique("plan-right-none"), right)
                .indicator("population", "persons", "NONE", 2021, "1", 2030, "2")
                .observe("population", "2024-12-31", "9").send();
        String rightBelowOld = TestEvents.unique("plan-right-below-old");
        TestEvents.plan(rightBelowOld, rightBelow).indicator("population", "persons", "SUM", 2016, "30", 2020, "60")
                .observe("population", "2020-12-31", "45").send();

        JsonNode report = Api.await(plans(top), r -> {
            if (r.get("plans").isEmpty()) {
                return false;
            }
            JsonNode rollUp = indicator(r, topPlan, "population").get("rollUp");
            return !rollUp.isNull() && rollUp.get("plans").size() == 2 && "755".equals(rollUp.get("actual").asText());
        });
        JsonNode population = indicator(report, topPlan, "population");
        // 700 (left) + 55 (right-below's newest observation, its newer plan of two)
        assertThat(new BigDecimal("700").add(new BigDecimal("55"))).isEqualByComparingTo(
                population.at("/rollUp/actual").asText());
        assertThat(population.at("/rollUp/plans").findValuesAsText("plan"))
                .containsExactlyInAnyOrder(leftPlan, rightBelowPlan);
        assertThat(population.get("actual").isNull()).as("the top plan observed nothing itself").isTrue();
        assertThat(indicator(report, topPlan, "forest-cover").get("rollUp").isNull()).as("NONE never rolls up")
                .isTrue();
        assertThat(report.get("plans")).as("only the zone's own plans are listed").hasSize(1);
        // the left zone's report rolls up what lies beneath it
        JsonNode leftReport = Api.json(plans(left));
        assertThat(indicator(leftReport, leftPlan, "population").at("/rollUp/actual").asText()).isEqualTo("150");
    }

    @Test
    void aPlanThatCannotBeReadGoesToTheDeadLettersAndTheNextOneIsApplied() {
        String zone = TestEvents.unique("plan-poison");
        TestEvents.zone(zone, null).send();
        Api.awaitZone(zone);
        String broken = TestEvents.unique("plan-broken");
        String json = TestEvents.plan(broken, zone).indicator("x", "count", "AVERAGE", 2021, "0", 2030, "1").json();
        TestEvents.send("plans.v1", broken, "plan.published", json, Instant.now());
        String next = TestEvents.kafka().keyOnSamePartition("plans.v1", broken, () -> TestEvents.unique("plan-next"));
        TestEvents.plan(next, zone).indicator("x", "count", "NONE", 2021, "0", 2030, "1").send();
        JsonNode report = Api.await(plans(zone), r -> r.at("/plans").size() == 1);
        assertThat(report.at("/plans/0/code").asText()).isEqualTo(next);
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.ofTestInfrastructure().awaitRecords(
                "reporting-service.dlq", r -> broken.equals(r.key()), list -> !list.isEmpty(), Duration.ofSeconds(30));
        assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-topic")).isEqualTo("plans.v1");
    }

    @Test
    void badParametersAnswer400AnUnknownZone404AndAnAncestorOfAScopedViewer403() {
        String zone = TestEvents.unique("plan-scope");
        String child = TestEvents.unique("plan-scope-child");
        TestEvents.zone(zone, null).send();
        TestEvents.zone(child, zone).send();
        Api.awaitZone(zone);
        Api.awaitZone(child);
        AsOfReportTest.assertInvalid(plans(zone) + "?asOf=2026-07-01", "must not be after today (" + TODAY + ")");
        AsOfReportTest.assertInvalid(plans(zone) + "?asOf=1989-12-31", "must be 1990-01-01 or later");
        AsOfReportTest.assertInvalid(plans(zone) + "?asOf=yesterday", "must be a date YYYY-MM-DD");
        Api.get(plans(TestEvents.unique("plan-unknown"))).then().statusCode(404)
                .contentType("application/problem+json");
        String scoped = Tokens.scoped("viewer", child);
        given().auth().oauth2(scoped).when().get(plans(child)).then().statusCode(200);
        given().auth().oauth2(scoped).when().get(plans(zone)).then().statusCode(403)
                .contentType("application/problem+json");
        given().when().get(plans(child)).then().statusCode(401);
    }
}
