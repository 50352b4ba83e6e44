package org.urbaninvest.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The figures of the source articles, built from events: Taiyuan–Xinzhou (89 intended worth 96.52 bn CNY, 84
 * signed worth 64.63 bn) and the Caijia opportunity list (29 projects, 93.8 bn CNY in five categories). The
 * per-agreement and per-project amounts are illustrative; their totals are the articles'.
 */
@QuarkusTest
class SeedFiguresTest {

    @Test
    void taiyuanXinzhouSigningRates() {
        String zone = TestEvents.unique("taiyuan-xinzhou");
        TestEvents.zone(zone, null).named("Taiyuan–Xinzhou Integrated Economic Zone", "ECONOMIC_ZONE").send();
        List<String> parks = List.of("zhongbei-high-tech-zone", "yangqu-industrial-park", "xinzhou-economic-zone",
                "yuanping-etdz").stream().map(TestEvents::unique).toList();
        parks.forEach(park -> TestEvents.zone(park, zone).send());
        // 89 intended: 88 × 1.08 bn + 1.48 bn = 96.52 bn; 84 of them signed: 83 × 0.77 bn + 0.72 bn = 64.63 bn
        List<String> intended = amounts(89, "96520000000.00", "1080000000.00");
        List<String> signed = amounts(84, "64630000000.00", "770000000.00");
        for (int i = 0; i < 89; i++) {
            TestEvents.Agreement agreement = TestEvents.agreement(parks.get(i % parks.size()), intended.get(i), "CNY",
                    "2022-0" + (1 + i % 7) + "-15").send();
            if (i < 84) {
                agreement.sign(signed.get(i), "CNY", "2022-0" + (2 + i % 7) + "-20").send();
            }
        }

        JsonNode report = Api.awaitAsserted("/api/v1/reports/zones/" + zone, r -> {
            assertThat(r.at("/agreements/intended").toString())
                    .isEqualTo("{\"count\":89,\"amount\":{\"CNY\":\"96520000000.00\"}}");
            assertThat(r.at("/agreements/signed").toString())
                    .isEqualTo("{\"count\":84,\"amount\":{\"CNY\":\"64630000000.00\"}}");
        });
        assertThat(Api.text(report, "/rates/signingByCount")).isEqualTo("0.9438");
        assertThat(report.at("/rates/signingByAmount").toString()).isEqualTo("{\"CNY\":0.6696}");
    }

    @Test
    void caijiaOpportunityListMatchesPerCategory() {
        String chongqing = TestEvents.unique("chongqing");
        String beibei = TestEvents.unique("beibei");
        String caijia = TestEvents.unique("caijia");
        TestEvents.zone(chongqing, null).named("Chongqing", "CITY").send();
        TestEvents.zone(beibei, chongqing).named("Beibei", "DISTRICT").send();
        TestEvents.zone(caijia, beibei).named("Caijia Smart New City", "NEW_AREA").send();
        String programme = TestEvents.unique("caijia-opportunity-list-2022");
        record Category(String code, String name, int count, String amount) {
        }
        List<Category> categories = List.of(
                new Category("ecological-humanity", "Ecological humanity", 6, "10600000000.00"),
                new Category("technological-innovation", "Technological innovation", 8, "34800000000.00"),
                new Category("private-economy", "Private economy", 5, "5100000000.00"),
                new Category("urban-rural-integration", "Urban-rural integration", 8, "13300000000.00"),
                new Category("other", "Other", 2, "30000000000.00"));
        TestEvents.Programme published = TestEvents.programme(programme, caijia, 29, "93800000000.00");
        categories.forEach(c -> published.category(c.code(), c.name(), c.count(), c.amount()));
        published.send();
        for (Category category : categories) {
            List<String> amounts = amounts(category.count(), category.amount(),
                    new BigDecimal(category.amount()).divideToIntegralValue(BigDecimal.valueOf(category.count()))
                            .setScale(2).toPlainString());
            for (String amount : amounts) {
                TestEvents.project(TestEvents.unique("caijia-project"), caijia, amount, "CNY")
                        .in(programme, category.code()).withStatus("preparation").send();
            }
        }

        JsonNode report = Api.awaitAsserted("/api/v1/reports/programmes/" + programme,
                r -> assertThat(r.at("/registered/projectCount").asInt()).isEqualTo(29));
        assertThat(report.at("/declared").toString())
                .isEqualTo("{\"projectCount\":29,\"investment\":{\"amount\":\"93800000000.00\",\"currency\":\"CNY\"}}");
        assertThat(report.at("/registered").toString())
                .isEqualTo("{\"projectCount\":29,\"investment\":{\"CNY\":\"93800000000.00\"}}");
        assertThat(report.get("matches").asBoolean()).isTrue();
        assertThat(report.get("categories")).hasSize(5);
        for (int i = 0; i < categories.size(); i++) {
            JsonNode category = report.get("categories").get(i);
            assertThat(category.get("code").asText()).isEqualTo(categories.get(i).code());
            assertThat(category.at("/registered/projectCount").asInt()).isEqualTo(categories.get(i).count());
            assertThat(category.at("/registered/investment/CNY").asText()).isEqualTo(categories.get(i).amount());
            assertThat(category.get("matches").asBoolean()).as(categories.get(i).code()).isTrue();
        }
        // the city rolls up the 29 projects of the new area two levels down
        JsonNode city = Api.json("/api/v1/reports/zones/" + chongqing);
        assertThat(city.at("/projects/count").asInt()).isEqualTo(29);
        assertThat(city.at("/projects/estimatedInvestment").toString()).isEqualTo("{\"CNY\":\"93800000000.00\"}");
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

    /** {@code count} amounts of {@code each}, the last one making up {@code total}. */
    static List<String> amounts(int count, String total, String each) {
        BigDecimal unit = new BigDecimal(each);
        BigDecimal last = new BigDecimal(total).subtract(unit.multiply(BigDecimal.valueOf(count - 1L)));
        java.util.ArrayList<String> amounts = new java.util.ArrayList<>();
        for (int i = 0; i < count - 1; i++) {
            amounts.add(unit.toPlainString());
        }
        amounts.add(last.toPlainString());
        return amounts;
    }
}
