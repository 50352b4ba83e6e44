package org.urbaninvest.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.urbaninvest.reporting.service.RebuildService;
import org.urbaninvest.testsupport.Scrape;
import org.urbaninvest.testsupport.Tokens;

/** A rebuild replays every topic into fresh projections; reports answer throughout and end identical. */
@QuarkusTest
class RebuildTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRebuildEndsWithIdenticalReportsAndReportsAnswerMeanwhile() {
        // other test classes apply records straight to the projections, records no topic holds and a rebuild
        // rightly drops: one rebuild first leaves projections made of the topics alone, whatever ran before
        given().auth().oauth2(Tokens.admin()).when().post("/api/v1/admin/rebuild").then().statusCode(202);
        awaitRebuilt();
        theProgressMetricsSayWhatTheStatusSays();
        String zone = TestEvents.unique("rebuild");
        String child = TestEvents.unique("rebuild-child");
        TestEvents.zone(zone, null).send();
        TestEvents.zone(child, zone).send();
        String programme = TestEvents.unique("rebuild-list");
        TestEvents.programme(programme, zone, 1, "10.00").category("all", "All", 1, "10.00").send();
        TestEvents.project(TestEvents.unique("rebuild-project"), child, "10", "CNY").in(programme, "all").send();
        String investor = TestEvents.investor("PRIVATE");
        TestEvents.agreement(child, "100", "CNY", "2022-07-01").by(investor).send().sign("90", "USD", "2022-08-01").send()
                .disburse("30", "2022-09-01").send().amendSigned("95").send();
        TestEvents.agreement(zone, "5", "CNY", "2022-07-02").send().withdraw("2022-07-03").send();
        Api.await("/api/v1/reports/zones/" + zone, r -> r.at("/agreements/withdrawn/count").asInt() == 1
                && "95.00".equals(r.at("/agreements/signed/amount/USD").asText())
                && r.at("/projects/count").asInt() == 1);
        Api.await("/api/v1/reports/programmes/" + programme, r -> r.at("/registered/projectCount").asInt() == 1);
        Api.await("/api/v1/reports/zones/" + zone + "/funnel?investorKind=PRIVATE",
                r -> r.at("/stages/1/reached").asInt() == 1);
        // plans: an observed and a derived indicator, and a roll-up from the child's plan (updated twice)
        String plan = TestEvents.unique("rebuild-plan");
        TestEvents.plan(plan, zone).indicator("population", "persons", "SUM", 2021, "100", 2030, "200")
                .derived("signed", "USD", "SUM", "signed-investment", 2021, "0", 2030, "190")
                .observe("population", "2022-12-31", "120").send();
        TestEvents.plan(TestEvents.unique("rebuild-child-plan"), child)
                .indicator("population", "persons", "SUM", 2021, "40", 2030, "80")
                .observe("population", "2022-12-31", "45").send().observe("population", "2023-12-31", "47").send();
        Api.await("/api/v1/reports/zones/" + zone + "/plans", r -> r.get("plans").size() == 1
                && "47".equals(r.at("/plans/0/indicators/0/rollUp/actual").asText())
                && "95.00".equals(r.at("/plans/0/indicators/1/actual/value").asText()));

        List<String> paths = List.of("/api/v1/reports/zones/" + zone, "/api/v1/reports/zones/" + child,
                "/api/v1/reports/zones/" + zone + "?includeSubzones=false", "/api/v1/reports/zones?size=500",
                "/api/v1/reports/programmes/" + programme, "/api/v1/reports/catalogue",
                "/api/v1/reports/zones/" + zone + "/timeseries?metric=fundsInPlace",
                "/api/v1/reports/zones/" + zone + "/timeseries?metric=signed&interval=quarter",
                "/api/v1/reports/zones/" + zone + "?asOf=2022-07-02", "/api/v1/reports/zones/" + zone + "?asOf=2022-08-15",
                "/api/v1/reports/zones?size=500&asOf=2022-08-01",
                "/api/v1/reports/zones/" + zone + "/funnel?asOf=2022-12-31",
                "/api/v1/reports/zones/" + zone + "/funnel?asOf=2022-08-01&investorKind=PRIVATE",
                "/api/v1/reports/zones/" + zone + "/findings", "/api/v1/reports/zones/" + zone + "/plans",
                "/api/v1/reports/zones/" + zone + "/plans?asOf=2022-08-15");
        List<String> before = paths.stream().map(path -> Api.get(path).then().statusCode(200).extract().asString())
                .toList();

        int generation = given().auth().oauth2(Tokens.admin()).when().post("/api/v1/admin/rebuild")
                .then().statusCode(202).extract().path("generation");
        AtomicInteger answeredDuring = new AtomicInteger();
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Api.get(paths.get(0)).then().statusCode(200);
            answeredDuring.incrementAndGet();
            String state = given().auth().oauth2(Tokens.admin()).when().get("/api/v1/admin/rebuild")
                    .then().statusCode(200).extract().path("state");
            assertThat(state).isNotEqualTo("FAILED");
            return "COMPLETED".equals(state);
        });
        assertThat(answeredDuring.get()).isPositive();
        JsonNode finished = Api.parse(rebuildStatus());
        assertThat(finished.get("generation").asInt()).as("the generation the 202 named").isEqualTo(generation);
        assertThat(finished.get("eventsRead").asLong()).isPositive().isEqualTo(finished.get("eventsTotal").asLong());
        assertThat(finished.get("error").isNull()).isTrue();

        List<String> after = paths.stream().map(path -> Api.get(path).then().statusCode(200).extract().asString())
                .toList();
        for (int i = 0; i < paths.size(); i++) {
            assertThat(after.get(i)).as(paths.get(i)).isEqualTo(before.get(i));
        }

        // the rebuilt projections go on with live events
        TestEvents.agreement(zone, "1", "CNY", "2022-07-04").send();
        Api.await("/api/v1/reports/zones/" + zone, r -> r.at("/agreements/intended/count").asInt() == 2);
    }

    @Test
    void eventsArrivingDuringARebuildAreKept() {
        given().auth().oauth2(Tokens.admin()).when().post("/api/v1/admin/rebuild").then().statusCode(202);
        String zone = TestEvents.unique("during-rebuild");
        TestEvents.zone(zone, null).send();
        TestEvents.Agreement agreement = TestEvents.agreement(zone, "20", "CNY", "2022-07-01").send();
        agreement.sign("15", "CNY", "2022-07-02").send();
        awaitRebuilt();
        JsonNode report = Api.awaitAsserted("/api/v1/reports/zones/" + zone,
                r -> assertThat(r.at("/agreements/signed/count").asInt()).isEqualTo(1));
        assertThat(report.at("/agreements/intended").toString()).isEqualTo("{\"count\":1,\"amount\":{\"CNY\":\"20.00\"}}");
        given().auth().oauth2(Tokens.admin()).when().post("/api/v1/admin/rebuild").then().statusCode(202);
        awaitRebuilt();
        assertThat(Api.json("/api/v1/reports/zones/" + zone).at("/agreements")).isEqualTo(report.at("/agreements"));
    }

    /** What operators scrape: not running, and the records replayed and read by the last rebuild. */
    private static void theProgressMetricsSayWhatTheStatusSays() {
        JsonNode status = Api.parse(given().auth().oauth2(Tokens.admin()).when().get("/api/v1/admin/rebuild")
                .then().statusCode(200).extract().asString());
        Scrape metrics = Scrape.now();
        assertThat(metrics.sum("urbaninvest_rebuild_running", Map.of())).isZero();
        assertThat(status.path("eventsRead").asLong()).isPositive();
        assertThat(metrics.sum("urbaninvest_rebuild_events_read", Map.of())).isEqualTo(status.path("eventsRead").asDouble());
        assertThat(metrics.sum("urbaninvest_rebuild_events_total", Map.of())).isEqualTo(status.path("eventsTotal").asDouble());
    }

    private static void awaitRebuilt() {
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String state = given().auth().oauth2(Tokens.admin()).when().get("/api/v1/admin/rebuild")
                    .then().statusCode(200).extract().path("state");
            assertThat(state).isNotEqualTo("FAILED");
            return "COMPLETED".equals(state);
        });
    }

    @Test
    void onlyAnAdminMayRebuild() {
        String before = rebuildStatus();
        given().when().post("/api/v1/admin/rebuild").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).when().post("/api/v1/admin/rebuild").then().statusCode(403);
        given().auth().oauth2(Tokens.editor()).when().post("/api/v1/admin/rebuild").then().statusCode(403);
        given().auth().oauth2(Tokens.editor()).when().get("/api/v1/admin/rebuild").then().statusCode(403);
        // no refused request started a rebuild (the status names the last one: its generation and start)
        assertThat(rebuildStatus()).isEqualTo(before);
    }

    /** One instance rebuilds at a time: while another holds the lock, a request is refused and changes nothing. */
    @Test
    void aRebuildRunningElsewhereRefusesAnotherWith409() throws SQLException {
        String before = rebuildStatus();
        try (Connection elsewhere = dataSource.getConnection()) {
            assertThat(advisoryLock(elsewhere, "pg_try_advisory_lock")).isTrue();
            try {
                JsonNode problem = Api.parse(given().auth().oauth2(Tokens.admin()).when().post("/api/v1/admin/rebuild")
                        .then().statusCode(409).contentType("application/problem+json").extract().asString());
                assertThat(problem.get("detail").asText()).isEqualTo("a rebuild is already running");
            } finally {
                advisoryLock(elsewhere, "pg_advisory_unlock");
            }
        }
        assertThat(rebuildStatus()).isEqualTo(before);
    }

    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT " + function + "(?)")) {
            lock.setLong(1, RebuildService.REBUILD_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static String rebuildStatus() {
        return given().auth().oauth2(Tokens.admin()).when().get("/api/v1/admin/rebuild")
                .then().statusCode(200).extract().asString();
    }
}
