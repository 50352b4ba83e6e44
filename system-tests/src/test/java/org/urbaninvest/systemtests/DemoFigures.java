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
import java.time.Duration;
import org.urbaninvest.launcher.DemoData;
import org.urbaninvest.launcher.DemoLoader;

/**
 * What the demo data must look like once loaded into a running suite: the articles' figures in the reports
 * (SYSTEM.md §10), the zones and the avenue as published, and a second load (as after an interrupted one) that finds
 * everything and changes nothing.
 */
final class DemoFigures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String projects;
    private final String investments;
    private final String reports;
    private final String viewer;

    DemoFigures(String projects, String investments, String reports, String viewerToken) {
        this.projects = projects;
        this.investments = investments;
        this.reports = reports;
        this.viewer = viewerToken;
    }

    /** Waits (bounded) until the reports show the articles' figures, then checks what project-service holds. */
    void awaitArticleFigures() throws IOException {
        await().atMost(Duration.ofMinutes(1)).untilAsserted(this::assertArticleFigures);
        JsonNode caijia = get(projects + "/api/v1/zones/caijia");
        assertThat(caijia.get("parentCode").asText()).isEqualTo("beibei");
        assertThat(decimal(caijia.get("areaKm2"))).isEqualByComparingTo("88");
        JsonNode changchun = get(projects + "/api/v1/zones/changchun-metropolitan-area");
        assertThat(changchun.get("children")).hasSize(4);
        assertThat(get(investments + "/api/v1/agreements?size=1").get("total").asInt()).isEqualTo(89);
        JsonNode avenue = get(projects + "/api/v1/projects/taiyuan-xinzhou-avenue");
        assertThat(avenue.at("/location/type").asText()).isEqualTo("LineString");
    }

    /** Loads the demo data again with an editor token: everything is found, nothing is written, figures stay. */
    void loadAgainChangesNothing(String editorToken) throws IOException {
        DemoLoader loader = new DemoLoader(projects, investments, editorToken, line -> { });
        DemoData data = DemoData.fromClasspath();
        assertThat(loader.storeIsEmpty()).isFalse();
        DemoLoader.Summary second = loader.load(data);
        assertThat(second.skipped()).as("everything found").isEqualTo(data.zones().size()
                + data.programmes().size() + data.projects().size() + data.plans().size() + data.investors().size()
                + data.agreements().size());
        assertThat(second.moves()).isZero();
        assertThat(second.disbursements()).isZero();
        assertThat(get(investments + "/api/v1/agreements?size=1").get("total").asInt()).isEqualTo(89);
        assertThat(get(investments + "/api/v1/investors?size=1").get("total").asInt())
                .isEqualTo(data.investors().size());
        assertArticleFigures();
    }

    private void assertArticleFigures() throws IOException {
        JsonNode zone = get(reports + "/api/v1/reports/zones/taiyuan-xinzhou");
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

        JsonNode programme = get(reports + "/api/v1/reports/programmes/caijia-opportunity-list-2022");
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

    private JsonNode get(String url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + viewer)
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
