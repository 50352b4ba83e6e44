package org.urbaninvest.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Findings of a zone on 2024-06-01 (the clock), thresholds at their defaults (180, 365, 365 days):
 *
 * <pre>
 * F1 intended 2023-12-04: 180 days, not yet stale (more than 180 is); it is the next day
 * F2 intended 2023-12-03: 181 days → intention-stale since 2024-06-01
 * F3 signed 2023-05-01, not started: 397 days → signed-not-started since 2024-05-01
 * F4 started 2023-01-10, last disbursement 2023-03-01: 458 days → no-funds since 2024-03-01
 * F5 signed 100 on 2024-01-01, disbursed 60 (2024-01-10) + 50 (2024-02-10) → over-disbursed since 2024-02-10
 * P  milestones: completion due 2024-05-31 scheduled → milestone-overdue since 2024-06-01; opening due today and
 *    commencement met: nothing. A cancelled project's overdue milestone: nothing.
 * a list declaring 2 projects / 300 CNY (roads 1 / 100, parks 1 / 200) with only the road registered →
 *   list-mismatch for the list and for its category parks (published 2022-09-19)
 * </pre>
 */
@QuarkusTest
class FindingsTest {

    @BeforeEach
    void fixTheClock() {
        TestClock.at("2024-06-01T12:00:00Z");
    }

    @Test
    void findingsAppearAsDaysPassAndClearWhenTheRecordMovesOn() {
        String zone = TestEvents.unique("findings");
        TestEvents.zone(zone, null).send();
        Api.awaitZone(zone);
        TestEvents.Agreement f1 = TestEvents.agreement(zone, "10", "CNY", "2023-12-04").send();
        TestEvents.Agreement f2 = TestEvents.agreement(zone, "10", "CNY", "2023-12-03").send();
        TestEvents.Agreement f3 = TestEvents.agreement(zone, "10", "CNY", "2023-04-01").send()
                .sign("10", "CNY", "2023-05-01").send();
        TestEvents.Agreement f4 = TestEvents.agreement(zone, "10", "CNY", "2022-12-01").sign("10", "CNY", "2023-01-02")
                .start("2023-01-10").disburse("4", "2023-03-01");
        f4.send();
        f4.send(); // a repeated delivery changes nothing
        TestEvents.Agreement f5 = TestEvents.agreement(zone, "100", "CNY", "2023-12-01").send()
                .sign("100", "CNY", "2024-01-01").send().disburse("60", "2024-01-10").send()
                .disburse("50", "2024-02-10").send();
        String list = TestEvents.unique("findings-list");
        TestEvents.programme(list, zone, 2, "300.00").category("roads", "Roads", 1, "100.00")
                .category("parks", "Parks", 1, "200.00").send();
        TestEvents.project(TestEvents.unique("road"), zone, "100", "CNY").in(list, "roads").send();
        TestEvents.Project p = TestEvents.project(TestEvents.unique("avenue"), zone, "5", "CNY")
                .milestone("commencement", "2024-01-01", "2024-01-02", "met")
                .milestone("completion", "2024-05-31", null, "scheduled")
                .milestone("opening", "2024-06-01", null, "scheduled").send();
        TestEvents.project(TestEvents.unique("cancelled"), zone, "5", "CNY").withStatus("cancelled")
                .milestone("completion", "2024-01-31", null, "notMet").send();
        String findings = "/api/v1/reports/zones/" + zone + "/findings";
        JsonNode all = Api.awaitAsserted(findings, r -> assertThat(r.get("counts").toString()).isEqualTo(
                "{\"intention-stale\":1,\"signed-not-started\":1,\"no-funds\":1,\"milestone-overdue\":1,"
                        + "\"list-mismatch\":2,\"over-disbursed\":1}"));
        assertThat(Api.text(all, "/asOfDate")).isEqualTo("2024-06-01");
        assertThat(all.get("items").get(0).toString()).isEqualTo("{\"rule\":\"intention-stale\",\"severity\":\"warning\","
                + "\"subject\":{\"type\":\"agreement\",\"id\":\"" + f2.id() + "\",\"code\":null},\"zoneCode\":\"" + zone
                + "\",\"since\":\"2024-06-01\",\"detail\":\"intended on 2023-12-03, not signed after 181 days\","
                + "\"key\":\"intention-stale/agreement/" + f2.id() + "\"}");
        assertFinding(all.get("items").get(1), "signed-not-started", f3.id(), "2024-05-01");
        assertFinding(all.get("items").get(2), "no-funds", f4.id(), "2024-03-01");
        assertThat(Api.text(all.get("items").get(2), "/detail")).isEqualTo("last disbursement on 2023-03-01, none in 458 days");
        assertThat(all.get("items").get(3).toString()).isEqualTo("{\"rule\":\"milestone-overdue\","
                + "\"severity\":\"warning\",\"subject\":{\"type\":\"project\",\"id\":null,\"code\":\"" + p.code
                + "\"},\"zoneCode\":\"" + zone + "\",\"since\":\"2024-06-01\","
                + "\"detail\":\"milestone completion due on 2024-05-31 is scheduled\","
                + "\"key\":\"milestone-overdue/project/" + p.code + "/completion\"}");
        assertThat(all.get("items").get(4).get("subject").toString())
                .isEqualTo("{\"type\":\"programme\",\"id\":null,\"code\":\"" + list + "\"}");
        assertThat(Api.text(all.get("items").get(4), "/rule")).isEqualTo("list-mismatch");
        assertThat(Api.text(all.get("items").get(4), "/since")).isEqualTo("2022-09-19");
        assertThat(Api.text(all.get("items").get(5), "/rule")).isEqualTo("list-mismatch");
        assertThat(all.get("items").get(4).get("detail").asText() + all.get("items").get(5).get("detail").asText())
                .contains("the list declared 2 projects").contains("category parks declared 1 projects");
        assertThat(List.of(Api.text(all.get("items").get(4), "/key"), Api.text(all.get("items").get(5), "/key")))
                .containsExactlyInAnyOrder("list-mismatch/programme/" + list, "list-mismatch/programme/" + list + "/parks");
        assertFinding(all.get("items").get(6), "over-disbursed", f5.id(), "2024-02-10");
        assertThat(Api.text(all.get("items").get(6), "/severity")).isEqualTo("error");

        // filtered and paged: the counts stay those of every finding
        JsonNode noFunds = Api.json(findings + "?rule=no-funds");
        assertThat(noFunds.get("total").asInt()).isEqualTo(1);
        assertThat(noFunds.get("counts")).isEqualTo(all.get("counts"));
        assertFinding(noFunds.get("items").get(0), "no-funds", f4.id(), "2024-03-01");
        JsonNode second = Api.json(findings + "?size=2&page=1");
        assertThat(second.get("items")).containsExactly(all.get("items").get(2), all.get("items").get(3));
        assertThat(second.get("total").asInt()).isEqualTo(7);

        // where a finding's link leads: its subject as the reports hold it, with the findings on it
        JsonNode agreement = Api.json("/api/v1/reports/agreements/" + f5.id());
        assertThat(Api.text(agreement, "/agreement/id")).isEqualTo(f5.id());
        assertThat(Api.text(agreement, "/agreement/stage")).isEqualTo("SIGNED");
        assertThat(agreement.at("/agreement/fundsInPlace").toString())
                .isEqualTo("{\"amount\":\"110.00\",\"currency\":\"CNY\"}");
        assertThat(agreement.at("/agreement/disbursements")).hasSize(2);
        assertThat(Api.text(agreement, "/asOfDate")).isEqualTo("2024-06-01");
        assertThat(agreement.get("findings")).containsExactly(all.get("items").get(6));
        assertThat(Api.json("/api/v1/reports/agreements/" + f1.id()).get("findings")).isEmpty();
        JsonNode project = Api.json("/api/v1/reports/projects/" + p.code);
        assertThat(Api.text(project, "/project/zoneCode")).isEqualTo(zone);
        assertThat(project.at("/project/milestones")).hasSize(3);
        assertThat(project.get("findings")).containsExactly(all.get("items").get(3));

        // a day later F1 passes its threshold; signing F2 clears its finding
        TestClock.at("2024-06-02T00:00:00Z");
        f2.sign("10", "CNY", "2024-06-01").send();
        JsonNode later = Api.await(findings + "?rule=intention-stale",
                r -> r.at("/items/0/subject/id").asText().equals(f1.id()));
        assertThat(later.get("total").asInt()).isEqualTo(1);
        assertFinding(later.get("items").get(0), "intention-stale", f1.id(), "2024-06-02");

        // the opening, due yesterday now, is overdue; meeting the completion clears it
        p.milestone("completion", "2024-05-31", "2024-06-01", "met").update(zone, "5").send();
        JsonNode milestones = Api.await(findings + "?rule=milestone-overdue",
                r -> r.at("/items/0/detail").asText().contains("opening"));
        assertThat(milestones.get("total").asInt()).isEqualTo(1);
        assertThat(Api.text(milestones.get("items").get(0), "/since")).isEqualTo("2024-06-02");
    }

    @Test
    void badParametersAnswer400() {
        String zone = TestEvents.unique("findings-bad");
        TestEvents.zone(zone, null).send();
        Api.awaitZone(zone);
        JsonNode none = Api.json("/api/v1/reports/zones/" + zone + "/findings");
        assertThat(none.get("total").asInt()).isZero();
        assertThat(none.get("items")).isEmpty();
        JsonNode problem = Api.parse(Api.get("/api/v1/reports/zones/" + zone + "/findings?rule=bogus").then()
                .statusCode(400).contentType("application/problem+json").extract().asString());
        assertThat(problem.get("errors").toString()).isEqualTo("[{\"field\":\"rule\",\"message\":\"must be one of "
                + "intention-stale, signed-not-started, no-funds, milestone-overdue, list-mismatch, over-disbursed\"}]");
        Api.get("/api/v1/reports/zones/" + zone + "/findings?size=501").then().statusCode(400);
        Api.get("/api/v1/reports/zones/no-such-zone-anywhere/findings").then().statusCode(404);
        for (String unknown : List.of("/api/v1/reports/agreements/0b7e3c1a-5d2f-4a8e-9c61-2f4d8e7a1b90",
                "/api/v1/reports/agreements/not-an-id", "/api/v1/reports/projects/no-such-project-anywhere")) {
            Api.get(unknown).then().statusCode(404).contentType("application/problem+json");
        }
    }

    private static void assertFinding(JsonNode finding, String rule, String agreementId, String since) {
        assertThat(Api.text(finding, "/rule")).isEqualTo(rule);
        assertThat(Api.text(finding, "/subject/id")).isEqualTo(agreementId);
        assertThat(Api.text(finding, "/since")).isEqualTo(since);
    }
}
