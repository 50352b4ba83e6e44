package org.urbaninvest.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The figures of the source articles, from the demo-like events of {@link DemoData}: Taiyuan–Xinzhou (89 intended
 * worth 96.52 bn CNY, 84 signed worth 64.63 bn → signing 0.9438 by count, 0.6696 by amount) and the Caijia
 * opportunity list (29 projects, 93.8 bn CNY in five categories, matching per category).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedFiguresTest {

    private DemoData demo;

    @BeforeAll
    void loadDemoData() {
        demo = DemoData.load();
    }

    @Test
    void taiyuanXinzhouSigningRates() {
        // topics and keys arrive in any order: wait until every agreement, disbursement and project is reflected
        JsonNode report = Api.awaitAsserted("/api/v1/reports/zones/" + demo.zone(), r -> {
            assertThat(r.at("/agreements/intended").toString())
                    .isEqualTo("{\"count\":89,\"amount\":{\"CNY\":\"96520000000.00\"}}");
            assertThat(r.at("/agreements/signed").toString())
                    .isEqualTo("{\"count\":84,\"amount\":{\"CNY\":\"64630000000.00\"}}");
            // a quarter of the signed amount disbursed on every fifth agreement, 17 of them over the four parks:
            // (5 × 1.00 + 4 × 0.82 + 4 × 0.56 + 4 × 0.70) / 4 = 13.32 / 4 = 3.33 bn
            assertThat(r.at("/agreements/fundsInPlace").toString()).isEqualTo("{\"CNY\":\"3330000000.00\"}");
            // 6.8 + 2.4 + 1.5 bn, none cancelled
            assertThat(r.at("/projects/count").asInt()).isEqualTo(3);
            assertThat(r.at("/projects/estimatedInvestment").toString()).isEqualTo("{\"CNY\":\"10700000000.00\"}");
        });
        assertThat(Api.text(report, "/rates/signingByCount")).isEqualTo("0.9438");
        assertThat(report.at("/rates/signingByAmount").toString()).isEqualTo("{\"CNY\":0.6696}");
        // 3.33 / 64.63 = 0.05152…
        assertThat(report.at("/rates/fundsInPlaceByAmount").toString()).isEqualTo("{\"CNY\":0.0515}");

        // the funnel: 89 reached INTENDED, 84 SIGNED (0.9438), and the 5 intentions never signed are still waiting
        JsonNode funnel = Api.json("/api/v1/reports/zones/" + demo.zone() + "/funnel");
        assertThat(funnel.at("/stages/0/reached").asInt()).isEqualTo(89);
        assertThat(funnel.at("/stages/0/current/count").asInt()).isEqualTo(5);
        assertThat(funnel.at("/stages/1/reached").asInt()).isEqualTo(84);
        assertThat(Api.text(funnel, "/stages/1/conversion")).isEqualTo("0.9438");
        assertThat(funnel.at("/stages/1/current/count").asInt()).isEqualTo(84);
    }

    @Test
    void caijiaOpportunityListMatchesPerCategory() {
        JsonNode report = Api.awaitAsserted("/api/v1/reports/programmes/" + demo.programme(),
                r -> assertThat(r.at("/registered/projectCount").asInt()).isEqualTo(29));
        assertThat(report.at("/declared").toString())
                .isEqualTo("{\"projectCount\":29,\"investment\":{\"amount\":\"93800000000.00\",\"currency\":\"CNY\"}}");
        assertThat(report.at("/registered").toString())
                .isEqualTo("{\"projectCount\":29,\"investment\":{\"CNY\":\"93800000000.00\"}}");
        assertThat(report.get("matches").asBoolean()).isTrue();
        String[][] categories = DemoData.CAIJIA_CATEGORIES;
        assertThat(report.get("categories")).hasSize(categories.length);
        for (int i = 0; i < categories.length; i++) {
            JsonNode category = report.get("categories").get(i);
            assertThat(category.get("code").asText()).isEqualTo(categories[i][0]);
            assertThat(category.at("/registered/projectCount").asInt()).isEqualTo(Integer.parseInt(categories[i][2]));
            assertThat(category.at("/registered/investment/CNY").asText()).isEqualTo(categories[i][3]);
            assertThat(category.get("matches").asBoolean()).as(categories[i][0]).isTrue();
        }
        // the city rolls up the 29 projects of the new area two levels down
        Api.awaitAsserted("/api/v1/reports/zones/" + demo.city(), city -> {
            assertThat(city.at("/projects/count").asInt()).isEqualTo(29);
            assertThat(city.at("/projects/estimatedInvestment").toString()).isEqualTo("{\"CNY\":\"93800000000.00\"}");
        });
    }

    @Test
    void aCancelledOrForeignCurrencyProjectBreaksTheMatch() {
        String zone = TestEvents.unique("mismatch");
        TestEvents.zone(zone, null).send();
        String programme = TestEvents.unique("list");
        TestEvents.programme(programme, zone, 2, "300.00").category("roads", "Roads", 1, "100.00")
                .category("parks", "Parks", 1, "200.00").send();
        TestEvents.project(TestEvents.unique("road"), zone, "100", "CNY").in(programme, "roads").send();
        TestEvents.Project park = TestEvents.project(TestEvents.unique("park"), zone, "200", "USD")
                .in(programme, "parks").send();
        JsonNode report = Api.awaitAsserted("/api/v1/reports/programmes/" + programme,
                r -> assertThat(r.at("/registered/projectCount").asInt()).isEqualTo(2));
        assertThat(report.get("matches").asBoolean()).isFalse();
        assertThat(report.at("/registered/investment").toString()).isEqualTo("{\"CNY\":\"100.00\",\"USD\":\"200.00\"}");
        assertThat(report.at("/categories/0/matches").asBoolean()).isTrue();
        assertThat(report.at("/categories/1/matches").asBoolean()).isFalse();

        park.status("cancelled").send();
        JsonNode after = Api.awaitAsserted("/api/v1/reports/programmes/" + programme,
                r -> assertThat(r.at("/registered/projectCount").asInt()).isEqualTo(1));
        assertThat(after.at("/categories/1/registered").toString()).isEqualTo("{\"projectCount\":0,\"investment\":{}}");
        assertThat(after.get("matches").asBoolean()).isFalse();
    }
}
