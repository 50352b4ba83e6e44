package org.urbaninvest.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo data keeps the articles' figures (SYSTEM.md §10), whatever the illustrative details. */
class DemoDataTest {

    private static final String PROGRAMME = "caijia-opportunity-list-2022";
    private static final String TAIYUAN_XINZHOU = "taiyuan-xinzhou";

    private final DemoData data = DemoData.fromClasspath();

    @Test
    void zonesComeParentsFirstWithTheArticlesFigures() {
        Set<String> seen = new HashSet<>();
        for (JsonNode zone : data.zones()) {
            if (zone.hasNonNull("parentCode")) {
                assertThat(seen).as("parent of %s listed before it", zone.get("code")).contains(
                        zone.get("parentCode").asText());
            }
            assertThat(seen.add(zone.get("code").asText())).as("unique code").isTrue();
        }
        Map<String, JsonNode> zones = zonesByCode();
        assertZone(zones, "chongqing", "CITY", null);
        assertThat(zones.get("chongqing").get("regionCode").asText()).isEqualTo("500000");
        assertZone(zones, "beibei", "DISTRICT", "chongqing");
        assertThat(zones.get("beibei").get("regionCode").asText()).isEqualTo("500109");
        assertZone(zones, "caijia", "NEW_AREA", "beibei");
        assertThat(zones.get("caijia").get("areaKm2").decimalValue()).isEqualByComparingTo("88");
        assertZone(zones, TAIYUAN_XINZHOU, "ECONOMIC_ZONE", null);
        for (String subZone : List.of("zhongbei-high-tech-zone", "yangqu-industrial-park", "xinzhou-economic-zone",
                "yuanping-etdz")) {
            assertThat(zones.get(subZone).get("parentCode").asText()).isEqualTo(TAIYUAN_XINZHOU);
        }
        assertZone(zones, "changchun-metropolitan-area", "METROPOLITAN_AREA", null);
        assertThat(zones.get("changchun-metropolitan-area").get("areaKm2").decimalValue())
                .isEqualByComparingTo("29700");
        assertThat(zones.get("changchun-metropolitan-area").get("population").asLong()).isEqualTo(12_100_000L);
        Map<String, String> cities = Map.of("changchun", "220100", "jilin", "220200", "siping", "220300",
                "liaoyuan", "220400");
        cities.forEach((city, regionCode) -> {
            assertZone(zones, city, "CITY", "changchun-metropolitan-area");
            assertThat(zones.get(city).get("regionCode").asText()).isEqualTo(regionCode);
        });
    }

    @Test
    void caijiaProjectsMatchTheDeclaredFiguresPerCategory() {
        JsonNode programme = data.programmes().stream()
                .filter(p -> p.get("code").asText().equals(PROGRAMME)).findFirst().orElseThrow();
        assertThat(programme.get("publishedOn").asText()).isEqualTo("2022-09-19");
        assertThat(programme.get("zoneCode").asText()).isEqualTo("caijia");
        assertThat(programme.at("/declared/projectCount").asInt()).isEqualTo(29);
        assertThat(amount(programme.at("/declared/investment"))).isEqualByComparingTo("93800000000.00");
        Map<String, String[]> expected = Map.of(
                "ecological-humanity", new String[] {"6", "10600000000.00"},
                "technological-innovation", new String[] {"8", "34800000000.00"},
                "private-economy", new String[] {"5", "5100000000.00"},
                "urban-rural-integration", new String[] {"8", "13300000000.00"},
                "other", new String[] {"2", "30000000000.00"});
        assertThat(programme.get("categories")).hasSize(5);

        List<JsonNode> projects = projects(p -> PROGRAMME.equals(p.path("programmeCode").asText()));
        assertThat(projects).hasSize(29);
        assertThat(sum(projects, "estimatedInvestment")).isEqualByComparingTo("93800000000.00");
        for (JsonNode category : programme.get("categories")) {
            String code = category.get("code").asText();
            assertThat(expected).containsKey(code);
            assertThat(category.at("/declared/projectCount").asInt()).isEqualTo(Integer.parseInt(expected.get(code)[0]));
            assertThat(amount(category.at("/declared/investment"))).isEqualByComparingTo(expected.get(code)[1]);
            List<JsonNode> inCategory = projects.stream()
                    .filter(p -> p.get("categoryCode").asText().equals(code)).toList();
            assertThat(inCategory).as(code).hasSize(Integer.parseInt(expected.get(code)[0]));
            assertThat(sum(inCategory, "estimatedInvestment")).as(code).isEqualByComparingTo(expected.get(code)[1]);
        }
        for (JsonNode project : projects) {
            assertThat(project.get("zoneCode").asText()).isEqualTo("caijia");
            assertThat(project.get("status").asText()).isNotEqualTo("cancelled");
            assertThat(project.get("description").asText()).as(project.get("code").asText()).contains("illustrative");
        }
        Set<String> names = projects.stream().map(p -> p.get("name").asText()).collect(Collectors.toSet());
        assertThat(names).contains("Jialing River (Caijia section) ecological corridor",
                "Private-economy headquarters incubation base", "Regional medical centre");
        assertThat(names).anyMatch(name -> name.contains("EOD"));
    }

    @Test
    void theTaiyuanXinzhouPipelineHasTheArticlesTotals() {
        List<JsonNode> agreements = data.agreements();
        assertThat(agreements).hasSize(89);
        assertThat(sum(agreements, "intendedAmount")).isEqualByComparingTo("96520000000.00");
        List<JsonNode> signed = agreements.stream().filter(a -> a.hasNonNull("signedOn")).toList();
        assertThat(signed).hasSize(84);
        assertThat(signed).allMatch(a -> a.hasNonNull("signedAmount"));
        assertThat(sum(signed, "signedAmount")).isEqualByComparingTo("64630000000.00");
        assertThat(agreements).noneMatch(a -> a.has("withdrawnOn"));
        assertThat(agreements.stream().filter(a -> a.hasNonNull("startedOn")).count()).isBetween(10L, 83L);
        assertThat(agreements.stream().filter(a -> a.hasNonNull("operationalOn")).count()).isBetween(1L, 10L);
        assertThat(agreements.stream().filter(a -> a.path("disbursements").size() > 0).count()).isPositive();
        assertThat(agreements.stream().map(a -> a.get("reference").asText()).distinct().count()).isEqualTo(89);
    }

    @Test
    void agreementDatesAndDisbursementsAreConsistent() {
        for (JsonNode agreement : data.agreements()) {
            String reference = agreement.get("reference").asText();
            LocalDate intended = date(agreement, "intendedOn");
            assertThat(intended.getYear()).as(reference).isEqualTo(2022);
            LocalDate last = intended;
            for (String move : List.of("signedOn", "startedOn", "operationalOn")) {
                if (agreement.hasNonNull(move)) {
                    LocalDate on = date(agreement, move);
                    assertThat(on).as(reference + " " + move).isAfterOrEqualTo(last);
                    last = on;
                }
            }
            if (agreement.hasNonNull("startedOn")) {
                assertThat(agreement.hasNonNull("signedOn")).as(reference).isTrue();
            }
            if (agreement.hasNonNull("operationalOn")) {
                assertThat(agreement.hasNonNull("startedOn")).as(reference).isTrue();
            }
            if (agreement.hasNonNull("signedOn")) {
                assertThat(date(agreement, "signedOn").getYear()).as(reference).isEqualTo(2022);
            }
            BigDecimal funds = BigDecimal.ZERO;
            for (JsonNode disbursement : agreement.path("disbursements")) {
                assertThat(agreement.hasNonNull("signedOn")).as(reference + " disbursed before signing").isTrue();
                assertThat(date(disbursement, "receivedOn")).as(reference).isAfterOrEqualTo(
                        date(agreement, "signedOn"));
                assertThat(disbursement.at("/amount/currency").asText())
                        .isEqualTo(agreement.at("/signedAmount/currency").asText());
                funds = funds.add(amount(disbursement.get("amount")));
            }
            if (agreement.hasNonNull("signedAmount")) {
                assertThat(funds).as(reference).isLessThanOrEqualTo(amount(agreement.get("signedAmount")));
            }
        }
    }

    @Test
    void eachAgreementHasItsOwnProjectInTheZoneWithTheSameEstimate() {
        Set<String> zone = subtree(TAIYUAN_XINZHOU);
        Map<String, JsonNode> projects = new HashMap<>();
        data.projects().forEach(p -> projects.put(p.get("code").asText(), p));
        Set<String> referenced = new HashSet<>();
        for (JsonNode agreement : data.agreements()) {
            JsonNode project = projects.get(agreement.get("projectCode").asText());
            assertThat(project).as(agreement.get("projectCode").asText()).isNotNull();
            assertThat(zone).contains(project.get("zoneCode").asText());
            assertThat(project.get("status").asText()).isNotEqualTo("cancelled");
            assertThat(amount(project.get("estimatedInvestment")))
                    .isEqualByComparingTo(amount(agreement.get("intendedAmount")));
            assertThat(project.get("description").asText()).contains("illustrative");
            referenced.add(project.get("code").asText());
        }
        assertThat(referenced).hasSize(89);
        List<JsonNode> referencedProjects = referenced.stream().map(projects::get).toList();
        assertThat(sum(referencedProjects, "estimatedInvestment")).isEqualByComparingTo("96520000000.00");
        assertThat(referencedProjects.stream().map(p -> p.get("zoneCode").asText()).distinct().count())
                .as("spread over the zone and its four sub-zones").isEqualTo(5);
    }

    @Test
    void theAvenueIsThirtySevenKilometresOfRoadWithItsMilestones() {
        JsonNode avenue = projects(p -> p.get("code").asText().equals("taiyuan-xinzhou-avenue")).get(0);
        assertThat(avenue.get("zoneCode").asText()).isEqualTo(TAIYUAN_XINZHOU);
        assertThat(avenue.get("sector").asText()).isEqualTo("transport.road");
        assertThat(avenue.get("status").asText()).isEqualTo("implementation");
        assertThat(avenue.get("description").asText()).contains("37-km");
        Map<String, String> milestones = new HashMap<>();
        avenue.get("milestones").forEach(m -> milestones.put(m.get("code").asText(), m.get("dueDate").asText()));
        assertThat(milestones).containsEntry("completion", "2022-08-20").containsEntry("opening", "2022-09-30");
        JsonNode line = avenue.get("location");
        assertThat(line.get("type").asText()).isEqualTo("LineString");
        assertThat(line.get("coordinates").size()).isGreaterThanOrEqualTo(3);
        double lengthKm = 0;
        JsonNode previous = null;
        for (JsonNode point : line.get("coordinates")) {
            double longitude = point.get(0).asDouble();
            double latitude = point.get(1).asDouble();
            assertThat(longitude).as("longitude first, in Shanxi").isBetween(110.0, 114.5);
            assertThat(latitude).isBetween(37.5, 38.6);
            if (previous != null) {
                lengthKm += kilometres(previous, point);
            }
            previous = point;
        }
        assertThat(lengthKm).as("route length").isBetween(30.0, 45.0);
        JsonNode last = line.get("coordinates").get(line.get("coordinates").size() - 1);
        assertThat(last.get(1).asDouble()).as("ends north, towards Xinzhou")
                .isGreaterThan(line.get("coordinates").get(0).get(1).asDouble());
        assertThat(sum(listOf(avenue.get("fundingSources")), "amount"))
                .isEqualByComparingTo(amount(avenue.get("estimatedInvestment")));
    }

    @Test
    void investorsHaveValidUniqueCreditCodesAndEveryAgreementNamesOne() {
        Set<String> keys = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (JsonNode investor : data.investors()) {
            assertThat(keys.add(investor.get("key").asText())).isTrue();
            if (investor.hasNonNull("creditCode")) {
                String code = investor.get("creditCode").asText();
                assertThat(CreditCodes.isValid(code)).as(code).isTrue();
                assertThat(codes.add(code)).as("unique " + code).isTrue();
            }
        }
        assertThat(codes).hasSizeGreaterThanOrEqualTo(5);
        for (JsonNode agreement : data.agreements()) {
            assertThat(keys).contains(agreement.get("investor").asText());
        }
    }

    @Test
    void everyProjectRefersToAKnownZoneAndCategory() {
        Set<String> zones = zonesByCode().keySet();
        Set<String> projectCodes = new HashSet<>();
        for (JsonNode project : data.projects()) {
            assertThat(projectCodes.add(project.get("code").asText())).isTrue();
            assertThat(project.get("code").asText()).matches("^[a-z0-9][a-z0-9-]{1,63}$");
            assertThat(zones).contains(project.get("zoneCode").asText());
            assertThat(amount(project.get("estimatedInvestment"))).isPositive();
            assertThat(project.at("/estimatedInvestment/currency").asText()).isEqualTo("CNY");
        }
    }

    private static void assertZone(Map<String, JsonNode> zones, String code, String kind, String parent) {
        JsonNode zone = zones.get(code);
        assertThat(zone).as(code).isNotNull();
        assertThat(zone.get("kind").asText()).as(code).isEqualTo(kind);
        assertThat(zone.path("parentCode").isNull() || zone.path("parentCode").isMissingNode()
                ? null : zone.get("parentCode").asText()).as(code).isEqualTo(parent);
    }

    private Map<String, JsonNode> zonesByCode() {
        Map<String, JsonNode> zones = new HashMap<>();
        data.zones().forEach(z -> zones.put(z.get("code").asText(), z));
        return zones;
    }

    private Set<String> subtree(String root) {
        Set<String> codes = new HashSet<>(Set.of(root));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (JsonNode zone : data.zones()) {
                if (codes.contains(zone.path("parentCode").asText()) && codes.add(zone.get("code").asText())) {
                    grew = true;
                }
            }
        }
        return codes;
    }

    private List<JsonNode> projects(Predicate<JsonNode> filter) {
        return data.projects().stream().filter(filter).toList();
    }

    private static List<JsonNode> listOf(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static BigDecimal sum(List<JsonNode> items, String moneyField) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode item : items) {
            JsonNode money = item.get(moneyField);
            assertThat(money.get("currency").asText()).isEqualTo("CNY");
            total = total.add(amount(money));
        }
        return total;
    }

    @Test
    void theChangchunPlanCarriesOnlyTheArticlesFiguresAndOneDerivedIndicator() {
        assertThat(data.plans()).hasSize(1);
        JsonNode plan = data.plans().get(0);
        assertThat(plan.get("zoneCode").asText()).isEqualTo("changchun-metropolitan-area");
        assertThat(plan.at("/source/date").asText()).isEqualTo("2022-10-17");
        assertThat(plan.at("/period/endDate").asText()).isEqualTo("2035-12-31");
        Map<String, JsonNode> indicators = new HashMap<>();
        plan.get("indicators").forEach(i -> indicators.put(i.get("code").asText(), i));
        assertThat(indicators).containsOnlyKeys("area", "permanent-population", "economic-aggregate",
                "signed-investment");
        assertIndicator(indicators.get("area"), "km2", "NONE");
        assertThat(new BigDecimal(indicators.get("area").at("/baseline/value").asText())).isEqualByComparingTo("29700");
        assertIndicator(indicators.get("permanent-population"), "persons", "NONE");
        assertThat(new BigDecimal(indicators.get("permanent-population").at("/baseline/value").asText()))
                .isEqualByComparingTo("12100000");
        JsonNode economy = indicators.get("economic-aggregate");
        assertIndicator(economy, "CNY", "SUM");
        assertThat(economy.get("baseline").isNull()).as("the article states no baseline").isTrue();
        assertThat(economy.get("targets")).hasSize(1);
        assertThat(economy.at("/targets/0/year").asInt()).isEqualTo(2030);
        assertThat(new BigDecimal(economy.at("/targets/0/value").asText())).isEqualByComparingTo("1350000000000");
        JsonNode derived = indicators.get("signed-investment");
        assertIndicator(derived, "CNY", "SUM");
        assertThat(derived.get("derivedFrom").asText()).isEqualTo("signed-investment");
        assertThat(derived.get("targets")).isEmpty();
        // the article reports no measurements: no observations are made up
        indicators.values().forEach(i -> assertThat(i.get("observations")).as(i.get("code").asText()).isEmpty());
    }

    private static void assertIndicator(JsonNode indicator, String unit, String aggregation) {
        assertThat(indicator.get("unit").asText()).as(indicator.get("code").asText()).isEqualTo(unit);
        assertThat(indicator.get("aggregation").asText()).as(indicator.get("code").asText()).isEqualTo(aggregation);
    }

    private static BigDecimal amount(JsonNode money) {
        BigDecimal amount = new BigDecimal(money.get("amount").asText());
        assertThat(amount.scale()).as("two decimals: " + money).isEqualTo(2);
        return amount;
    }

    private static LocalDate date(JsonNode node, String field) {
        return LocalDate.parse(node.get(field).asText());
    }

    private static double kilometres(JsonNode from, JsonNode to) {
        double lat1 = Math.toRadians(from.get(1).asDouble());
        double lat2 = Math.toRadians(to.get(1).asDouble());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(to.get(0).asDouble() - from.get(0).asDouble());
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 6371 * 2 * Math.asin(Math.sqrt(a));
    }
}
