package org.urbaninvest.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.Tokens;

/**
 * The dashboard in headless Chromium against the running service with demo-like data: it loads without a
 * console error, its KPI cards show the API's numbers, its charts are drawn, the funnel and the findings tables show
 * the API's figures (Taiyuan–Xinzhou's 5 intentions not signed), the "as of" picker moves the figures to that day,
 * the opportunity-list panel offers only the lists of the zone and its subzones, and it says so when the token is
 * missing, rejected or lacks the role, and when a zone has no data yet. The screenshot is kept as
 * {@code target/dashboard.png}.
 */
@QuarkusTest
class DashboardBrowserTest {

    @TestHTTPResource("/")
    URL root;

    /** The paths the service declares open (the Ingress routes them). */
    @ConfigProperty(name = "urbaninvest.http.public-paths")
    List<String> publicPaths;

    @Test
    void staticFilesAndTheChartLibraryNeedNoToken() {
        assertThat(publicPaths).contains("/", "/index.html", "/app.js", "/app.css", "/webjars/*");
        publicPaths.stream().filter(path -> !path.endsWith("*"))
                .forEach(path -> given().when().get(path).then().statusCode(200));
        given().when().get("/").then().statusCode(200).body(containsString("Investment promotion dashboard"));
        given().when().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200);
    }

    @Test
    void theDashboardShowsTheReportsFigures() throws Exception {
        String missing = "headless Chromium not installed at " + Chromium.BINARY + " (apt-get install chromium fonts-noto-cjk)";
        if (!Chromium.available() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(missing + ": with CI=true the browser test runs, it is not skipped");
        }
        Assumptions.assumeTrue(Chromium.available(), missing + ": browser test skipped");
        DemoData demo = DemoData.load();
        String emptyZone = TestEvents.unique("quiet-zone");
        TestEvents.zone(emptyZone, null).named("Quiet Zone", "DISTRICT").send();
        Api.awaitZone(emptyZone);
        JsonNode report = Api.awaitAsserted("/api/v1/reports/zones/" + demo.zone(), r -> {
            assertThat(r.at("/agreements/intended/count").asInt()).isEqualTo(89);
            assertThat(r.at("/agreements/signed/count").asInt()).isEqualTo(84);
            assertThat(r.at("/agreements/fundsInPlace/CNY").asText()).isEqualTo("3330000000.00");
            assertThat(r.at("/projects/count").asInt()).isEqualTo(3);
        });
        Api.awaitAsserted("/api/v1/reports/programmes/" + demo.programme(),
                r -> assertThat(r.at("/registered/projectCount").asInt()).isEqualTo(29));

        // a plan of the zone: an observed indicator and one derived from its signed agreements
        String plan = TestEvents.unique("dashboard-plan");
        TestEvents.plan(plan, demo.zone())
                .derived("signed-investment", "CNY", "SUM", "signed-investment", 2021, "0", 2030, "120000000000")
                .indicator("population", "persons", "NONE", 2021, "4000000", 2030, "4400000", 2035, "4600000")
                .observe("population", "2024-12-31", "4100000").send();
        JsonNode plans = Api.await("/api/v1/reports/zones/" + demo.zone() + "/plans",
                r -> r.get("plans").findValuesAsText("code").contains(plan));
        JsonNode signedIndicator = plans.get("plans").findParents("code").stream()
                .filter(i -> "signed-investment".equals(i.get("code").asText())).findFirst().orElseThrow();
        assertThat(signedIndicator.at("/actual/value").asText()).as("derived from the zone's signed agreements")
                .isEqualTo(report.at("/agreements/signed/amount/CNY").asText());

        Path target = Path.of("target");
        try (Chromium browser = new Chromium(target.resolve("tmp"), 1440, 1400)) {
            browser.navigate(root + "#token=" + Tokens.viewer() + "&zone=" + demo.zone() + "&programme="
                    + demo.programme());
            awaitState(browser, "ready");
            Map<String, String> shown = new LinkedHashMap<>();
            for (String kpi : expectedKpis(report).keySet()) {
                shown.put(kpi, browser.evaluate("document.querySelector('[data-kpi=\"" + kpi + "\"]').textContent")
                        .asText());
            }
            assertThat(shown).isEqualTo(expectedKpis(report));
            for (String chart : List.of("zones-chart", "months-chart", "funnel-chart")) {
                int drawn = browser.evaluate("document.querySelectorAll('#" + chart + " svg path').length").asInt();
                assertThat(drawn).as("shapes drawn in #%s", chart).isGreaterThan(5);
            }
            assertThat(browser.evaluate("document.querySelectorAll('#zones-chart svg text').length").asInt())
                    .as("zone names and values are labelled").isGreaterThanOrEqualTo(8);
            assertThat(browser.evaluate("location.hash").asText()).as("the token leaves the address bar").isEmpty();
            JsonNode funnel = Api.json("/api/v1/reports/zones/" + demo.zone() + "/funnel");
            assertThat(funnel.at("/stages/0/current/count").asInt()).as("intentions not signed").isEqualTo(5);
            assertThat(funnelShown(browser)).isEqualTo(funnelRows(funnel));
            JsonNode findings = Api.json("/api/v1/reports/zones/" + demo.zone() + "/findings?size=50");
            assertThat(findings.at("/counts/intention-stale").asInt()).isEqualTo(5);
            assertThat(browser.evaluate("document.querySelectorAll('#findings-table tbody tr').length").asInt())
                    .isEqualTo(findings.get("items").size());
            assertThat(browser.evaluate("Array.from(document.querySelectorAll('#findings-counts [data-rule]'))"
                    + ".map(c => c.textContent).join('|')").asText())
                    .isEqualTo("intention-stale: 5|signed-not-started: " + findings.at("/counts/signed-not-started"));
            String subject = findings.at("/items/0/subject/id").asText();
            assertThat(browser.evaluate("document.querySelector('#findings-table tbody tr a').getAttribute('href')")
                    .asText()).isEqualTo("#agreement=" + subject);
            // the link opens the subject panel: the agreement as the reports hold it, and the findings on it
            browser.evaluate("(() => { document.querySelector('#findings-table tbody tr a').click(); return true; })()");
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                    !browser.evaluate("document.getElementById('subject-panel').hidden").asBoolean());
            JsonNode agreement = Api.json("/api/v1/reports/agreements/" + subject);
            assertThat(browser.evaluate("document.getElementById('subject-title').textContent").asText())
                    .isEqualTo("agreement " + subject);
            assertThat(browser.evaluate("Array.from(document.querySelectorAll('#subject-fields dt, #subject-fields dd'))"
                    + ".slice(0, 4).map(e => e.textContent).join('|')").asText())
                    .isEqualTo("Stage|" + agreement.at("/agreement/stage").asText() + "|Project|"
                            + agreement.at("/agreement/projectCode").asText());
            assertThat(browser.evaluate("document.getElementById('subject-fields').textContent").asText())
                    .contains(findings.at("/items/0/detail").asText());
            assertThat(browser.evaluate("document.getElementById('programme-picker').options.length").asInt())
                    .as("opportunity lists in Taiyuan–Xinzhou and its parks").isZero();
            assertThat(plansShown(browser, plan)).isEqualTo(planRows(plans, plan));
            browser.screenshot(target.resolve("dashboard.png"));
            assertThat(browser.errors()).as("console errors").isEmpty();

            // as of a day: the figures of the end of that day, the funnel measured to it
            browser.evaluate("(() => { const p = document.getElementById('as-of-picker'); p.value = '2022-06-30';"
                    + " p.dispatchEvent(new Event('change')); return true; })()");
            awaitState(browser, "ready");
            JsonNode then = Api.json("/api/v1/reports/zones/" + demo.zone() + "?asOf=2022-06-30");
            assertThat(then.at("/agreements/intended/count").asInt()).as("intended by mid-2022")
                    .isLessThan(report.at("/agreements/intended/count").asInt());
            assertThat(browser.evaluate("document.querySelector('[data-kpi=\"intendedCount\"]').textContent")
                    .asText()).isEqualTo(count(then.at("/agreements/intended/count").asLong()));
            assertThat(browser.evaluate("document.getElementById('as-of-day').textContent").asText())
                    .contains("2022-06-30");
            assertThat(funnelShown(browser)).isEqualTo(funnelRows(
                    Api.json("/api/v1/reports/zones/" + demo.zone() + "/funnel?asOf=2022-06-30")));

            // a zone with an opportunity list in a subzone: the panel offers it and draws it
            browser.evaluate("(() => { const p = document.getElementById('zone-picker'); p.value = '" + demo.city()
                    + "'; p.dispatchEvent(new Event('change')); return true; })()");
            awaitState(browser, "ready");
            assertThat(browser.evaluate("Array.from(document.getElementById('programme-picker').options)"
                    + ".map(o => o.value).join('|')").asText()).isEqualTo(demo.programme());
            assertThat(browser.evaluate("document.querySelectorAll('#programme-chart svg path').length").asInt())
                    .as("shapes drawn in #programme-chart").isGreaterThan(5);
            assertThat(browser.errors()).as("console errors").isEmpty();

            int before = browser.errors().size();
            browser.navigate("about:blank");
            browser.navigate(root + "#token=" + Tokens.signedByOtherKey());
            awaitState(browser, "signed-out");
            assertThat(browser.evaluate("document.getElementById('message').textContent").asText())
                    .contains("token was rejected");
            assertThat(browser.errors().subList(before, browser.errors().size()))
                    .allSatisfy(error -> assertThat(error).contains("401"));

            browser.navigate("about:blank");
            browser.navigate(root + "#token=" + Tokens.forRoles("outsider", "guest"));
            awaitState(browser, "forbidden");
            assertThat(browser.evaluate("document.getElementById('message').textContent").asText())
                    .contains("needs the viewer");

            browser.navigate("about:blank");
            browser.navigate(root + "#token=" + Tokens.viewer() + "&zone=" + emptyZone);
            awaitState(browser, "ready");
            assertThat(browser.evaluate("document.getElementById('message').textContent").asText())
                    .contains("No data yet for Quiet Zone");
            assertThat(browser.evaluate("document.querySelector('[data-kpi=\"intendedCount\"]').textContent")
                    .asText()).isEqualTo("0");

            browser.evaluate("sessionStorage.clear()");
            browser.navigate("about:blank");
            browser.navigate(root.toString());
            awaitState(browser, "signed-out");
            assertThat(browser.evaluate("document.getElementById('message').textContent").asText())
                    .contains("no token was given");
            assertThat(browser.evaluate("document.getElementById('sign-in').hidden").asBoolean()).isFalse();
        }
    }

    /** The funnel table as shown: per stage, the stage, reached, conversion, in it now, median, p90, max days. */
    private static List<String> funnelShown(Chromium browser) throws java.io.IOException {
        return List.of(browser.evaluate("Array.from(document.querySelectorAll('#funnel-table tbody tr'))"
                + ".map(r => Array.from(r.cells).map(c => c.textContent).join(' ')).join('\\n')").asText().split("\n"));
    }

    /** What the funnel table must read, from the API's funnel. */
    private static List<String> funnelRows(JsonNode funnel) {
        Map<String, String> names = Map.of("INTENDED", "Intended", "SIGNED", "Signed", "STARTED", "Started",
                "OPERATIONAL", "Operational");
        List<String> rows = new java.util.ArrayList<>();
        for (JsonNode stage : funnel.get("stages")) {
            JsonNode current = stage.get("current");
            rows.add(String.join(" ", names.get(stage.get("stage").asText()), count(stage.get("reached").asLong()),
                    stage.get("conversion").isNull() ? "—" : percent(stage.get("conversion").decimalValue()),
                    count(current.get("count").asLong()), days(current.get("medianDays")), days(current.get("p90Days")),
                    days(current.get("maxDays"))));
        }
        return rows;
    }

    private static String days(JsonNode value) {
        return value.isNull() ? "—" : count(value.asLong());
    }

    /** Per indicator of the plan in the panel: code, actual, each target's progress, on track. */
    private static List<String> plansShown(Chromium browser, String plan) throws Exception {
        JsonNode rows = browser.evaluate("Array.from(document.querySelectorAll('[data-plan=\"" + plan
                + "\"] tbody tr')).map(r => [r.dataset.indicator, r.querySelector('[data-actual]').dataset.actual,"
                + " Array.from(r.querySelectorAll('.target')).map(t => t.dataset.year + '=' + t.dataset.progress).join(' '),"
                + " r.querySelector('[data-on-track]').dataset.onTrack].join('|'))");
        return java.util.stream.StreamSupport.stream(rows.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> planRows(JsonNode report, String plan) {
        List<String> rows = new java.util.ArrayList<>();
        for (JsonNode each : report.get("plans")) {
            if (!plan.equals(each.get("code").asText())) {
                continue;
            }
            for (JsonNode indicator : each.get("indicators")) {
                List<String> targets = new java.util.ArrayList<>();
                indicator.get("targets").forEach(t -> targets.add(t.get("year").asText() + "="
                        + (t.get("progress").isNull() ? "" : t.get("progress").decimalValue().stripTrailingZeros()
                                .toPlainString())));
                rows.add(String.join("|", indicator.get("code").asText(),
                        indicator.get("actual").isNull() ? "" : indicator.at("/actual/value").asText(),
                        String.join(" ", targets),
                        indicator.get("onTrack").isNull() ? "" : indicator.get("onTrack").asText()));
            }
        }
        assertThat(rows).as("indicators of plan %s", plan).hasSize(2);
        return rows;
    }

    private static void awaitState(Chromium browser, String state) throws java.io.IOException {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    state.equals(browser.evaluate("document.body && document.body.dataset.state").asText()));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            browser.screenshot(Path.of("target", "dashboard-failure.png"));
            throw new AssertionError("the page did not reach state " + state + " but "
                    + browser.evaluate("document.body && document.body.dataset.state") + "; message: "
                    + browser.evaluate("document.getElementById('message').textContent") + "; errors: "
                    + browser.errors(), e);
        }
    }

    /** What each KPI element must read, derived from the API's report (amounts in 亿元, billions alongside). */
    private static Map<String, String> expectedKpis(JsonNode report) {
        Map<String, String> kpis = new LinkedHashMap<>();
        kpis.put("projectCount", count(report.at("/projects/count").asLong()));
        kpis.put("estimatedInvestment", yi(report.at("/projects/estimatedInvestment/CNY").asText()));
        kpis.put("intendedCount", count(report.at("/agreements/intended/count").asLong()));
        String intended = report.at("/agreements/intended/amount/CNY").asText();
        kpis.put("intendedAmount", yi(intended) + " · " + billions(intended));
        kpis.put("signedCount", count(report.at("/agreements/signed/count").asLong()));
        String signed = report.at("/agreements/signed/amount/CNY").asText();
        kpis.put("signedAmount", yi(signed) + " · " + billions(signed));
        kpis.put("signingByCount", percent(report.at("/rates/signingByCount").decimalValue()));
        kpis.put("signingByAmount", percent(report.at("/rates/signingByAmount/CNY").decimalValue()));
        kpis.put("fundsInPlaceRate", percent(report.at("/rates/fundsInPlaceByAmount/CNY").decimalValue()));
        kpis.put("fundsInPlace", yi(report.at("/agreements/fundsInPlace/CNY").asText()));
        return kpis;
    }

    private static String count(long n) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US)).format(n);
    }

    private static String yi(String amount) {
        return twoDecimals(new BigDecimal(amount).movePointLeft(8)) + " 亿元";
    }

    private static String billions(String amount) {
        return twoDecimals(new BigDecimal(amount).movePointLeft(9)) + " bn CNY";
    }

    private static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String twoDecimals(BigDecimal value) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US))
                .format(value.setScale(2, RoundingMode.HALF_UP));
    }
}
