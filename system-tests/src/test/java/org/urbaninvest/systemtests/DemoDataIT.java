package org.urbaninvest.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.urbaninvest.launcher.DemoData;
import org.urbaninvest.launcher.DemoLoader;
import org.urbaninvest.launcher.LocalSuite;
import org.urbaninvest.launcher.Ports;
import org.urbaninvest.launcher.SuiteService;

/**
 * The demo data goes in through the public APIs of the running suite and comes out of the reports with the
 * articles' figures (SYSTEM.md §10); loading it again, as after an interrupted load, changes nothing.
 */
class DemoDataIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void theReportsShowTheArticlesFiguresAndASecondLoadChangesNothing() throws Exception {
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        LocalSuite suite = LocalSuite.builder()
                .home(Files.createTempDirectory(tmp, "demo-"))
                .repository(Repository.root())
                .ports(Ports.free())
                .build()
                .start();
        try {
            String editor = suite.tokens().token("demo-test", Set.of("editor"), Duration.ofHours(1));
            String viewer = suite.tokens().token("demo-test", Set.of("viewer"), Duration.ofHours(1));
            String projects = suite.service(SuiteService.PROJECT).url();
            String investments = suite.service(SuiteService.INVESTMENT).url();
            String reports = suite.service(SuiteService.REPORTING).url();
            DemoLoader loader = new DemoLoader(projects, investments, editor, line -> { });
            DemoData data = DemoData.fromClasspath();
            assertThat(loader.storeIsEmpty()).isTrue();

            DemoLoader.Summary first = loader.load(data);
            assertThat(first.skipped()).isZero();
            assertThat(first.agreements()).isEqualTo(89);
            assertThat(loader.storeIsEmpty()).isFalse();

            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertArticleFigures(reports, viewer));
            JsonNode caijia = get(projects + "/api/v1/zones/caijia", viewer);
            assertThat(caijia.get("parentCode").asText()).isEqualTo("beibei");
            assertThat(decimal(caijia.get("areaKm2"))).isEqualByComparingTo("88");
            JsonNode changchun = get(projects + "/api/v1/zones/changchun-metropolitan-area", viewer);
            assertThat(changchun.get("children")).hasSize(4);
            assertThat(get(investments + "/api/v1/agreements?size=1", viewer).get("total").asInt()).isEqualTo(89);
            JsonNode avenue = get(projects + "/api/v1/projects/taiyuan-xinzhou-avenue", viewer);
            assertThat(avenue.at("/location/type").asText()).isEqualTo("LineString");

            DemoLoader.Summary second = loader.load(data);
            assertThat(second.skipped()).as("everything found").isEqualTo(data.zones().size()
                    + data.programmes().size() + data.projects().size() + data.investors().size()
                    + data.agreements().size());
            assertThat(second.moves()).isZero();
            assertThat(second.disbursements()).isZero();
            assertThat(get(investments + "/api/v1/agreements?size=1", viewer).get("total").asInt()).isEqualTo(89);
            assertThat(get(investments + "/api/v1/investors?size=1", viewer).get("total").asInt())
                    .isEqualTo(data.investors().size());
            assertArticleFigures(reports, viewer);
        } finally {
            suite.stop();
        }
    }

    private static void assertArticleFigures(String reports, String token) throws IOException {
        JsonNode zone = get(reports + "/api/v1/reports/zones/taiyuan-xinzhou", token);
        assertThat(zone.at("/agreements/intended/count").asInt()).isEqualTo(89);
        assertThat(decimal(zone.at("/agreements/intended/amount/CNY"))).isEqualByComparingTo("96520000000.00");
        assertThat(zone.at("/agreements/signed/count").asInt()).isEqualTo(84);
        assertThat(decimal(zone.at("/agreements/signed/amount/CNY"))).isEqualByComparingTo("64630000000.00");
        assertThat(zone.at("/agreements/withdrawn/count").asInt()).isZero();
        assertThat(zone.at("/agreements/started/count").asInt()).isPositive();
        assertThat(zone.at("/agreements/operational/count").asInt()).isPositive();
        assertThat(decimal(zone.at("/agreements/fundsInPlace/CNY"))).isPositive();
        assertThat(decimal(zone.at("/rates/signingByCount"))).isEqualByComparingTo("0.9438");
        assertThat(decimal(zone.at("/rates/signingByAmount/CNY"))).isEqualByComparingTo("0.6696");

        JsonNode programme = get(reports + "/api/v1/reports/programmes/caijia-opportunity-list-2022", token);
        assertThat(programme.at("/registered/projectCount").asInt()).isEqualTo(29);
        assertThat(decimal(programme.at("/registered/investment/CNY"))).isEqualByComparingTo("93800000000.00");
        assertThat(programme.get("matches").asBoolean()).isTrue();
        assertThat(programme.get("categories")).hasSize(5).allMatch(category -> category.get("matches").asBoolean());
    }

    /** A JSON decimal, written as a string (amounts) or as a number (ratios, areas). */
    private static BigDecimal decimal(JsonNode node) {
        assertThat(node.isMissingNode() || node.isNull()).as("value present").isFalse();
        return new BigDecimal(node.asText());
    }

    private static JsonNode get(String url, String token) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10))
                .GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET " + url + ": " + response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
