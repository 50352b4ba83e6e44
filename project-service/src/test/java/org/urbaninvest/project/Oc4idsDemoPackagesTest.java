package org.urbaninvest.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.urbaninvest.project.Api.editor;
import static org.urbaninvest.project.Api.viewer;
import static org.urbaninvest.project.Oc4idsPackageTest.PACKAGE;
import static org.urbaninvest.project.Oc4idsPackageTest.PREFIX;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.urbaninvest.launcher.DemoData;

/**
 * Every package the demo data produces (SYSTEM.md §10, the launcher's {@code demo/*.json}) is valid OC4IDS 0.9, and
 * its figures are the demo's: the zones, programmes and projects are registered over REST as the launcher does; the
 * investors and agreements reach project-service as investment-service publishes them, through its real consumers.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Oc4idsDemoPackagesTest {

    private boolean loaded;

    private final DemoData demo = DemoData.fromClasspath();
    /** Demo project code → its zone. */
    private final Map<String, String> zoneOf = new HashMap<>();
    /** Expected funders per project, as party ids. */
    private final Map<String, Set<String>> funders = new HashMap<>();
    /** Expected disbursements per project: count and sum (CNY). */
    private final Map<String, List<BigDecimal>> received = new HashMap<>();

    /** Loads the demo data once, from the first test (RestAssured knows the application's port only then). */
    @BeforeEach
    void loadTheDemoData() {
        if (loaded) {
            return;
        }
        loaded = true;
        for (JsonNode zone : demo.zones()) {
            create("/api/v1/zones", zone);
        }
        demo.programmes().forEach(programme -> create("/api/v1/programmes", programme));
        for (JsonNode project : demo.projects()) {
            create(Api.PROJECTS, project);
            zoneOf.put(project.path("code").asText(), project.path("zoneCode").asText());
        }
        Map<String, UUID> investors = new HashMap<>();
        for (JsonNode investor : demo.investors()) {
            UUID id = UUID.nameUUIDFromBytes(("demo investor " + investor.path("key").asText()).getBytes());
            investors.put(investor.path("key").asText(), id);
            FundingEvents.investor(id, investor.path("name").asText(), 1);
        }
        for (JsonNode data : demo.agreements()) {
            String project = data.path("projectCode").asText();
            UUID investor = investors.get(data.path("investor").asText());
            FundingEvents.Agreement agreement = new FundingEvents.Agreement(
                    UUID.nameUUIDFromBytes(("demo agreement " + data.path("reference").asText()).getBytes()),
                    project, zoneOf.get(project), investor, data.path("reference").asText(),
                    data.path("intendedAmount").path("amount").asText(),
                    data.path("intendedAmount").path("currency").asText(), date(data, "intendedOn"));
            if (data.hasNonNull("signedOn")) {
                agreement.sign(data.path("signedAmount").path("amount").asText(), date(data, "signedOn"));
                funders.computeIfAbsent(project, p -> new TreeSet<>()).add("investor-" + investor);
            }
            if (data.hasNonNull("startedOn")) {
                agreement.start(date(data, "startedOn"));
            }
            if (data.hasNonNull("operationalOn")) {
                agreement.operate(date(data, "operationalOn"));
            }
            for (JsonNode disbursement : data.path("disbursements")) {
                agreement.disburse(disbursement.path("amount").path("amount").asText(), date(disbursement,
                        "receivedOn"));
                received.computeIfAbsent(project, p -> new java.util.ArrayList<>())
                        .add(new BigDecimal(disbursement.path("amount").path("amount").asText()));
            }
            agreement.send();
        }
        int transactions = received.values().stream().mapToInt(List::size).sum();
        Oc4idsPackageTest.awaitPackage("taiyuan-xinzhou", true, pkg -> count(pkg, "transactions") == transactions
                && count(pkg, "parties") == demoProjects("taiyuan-xinzhou", true).size()
                        + funders.values().stream().mapToInt(Set::size).sum()
                && allFundersNamed(pkg));
    }

    @Test
    void everyZonesPackageIsValidOc4ids() {
        SoftAssertions softly = new SoftAssertions();
        int validated = 0;
        for (JsonNode zone : demo.zones()) {
            String code = zone.path("code").asText();
            for (boolean includeSubzones : new boolean[] {true, false}) {
                Response response = viewer().queryParam("zone", code).queryParam("includeSubzones", includeSubzones)
                        .get(PACKAGE);
                Set<String> expected = demoProjects(code, includeSubzones);
                if (expected.isEmpty()) {
                    softly.assertThat(response.statusCode()).as("%s (subzones %s) has no project", code,
                            includeSubzones).isEqualTo(404);
                    continue;
                }
                softly.assertThat(response.statusCode()).as("%s (subzones %s)", code, includeSubzones).isEqualTo(200);
                String body = response.asString();
                softly.assertThat(Oc4idsSchema.errors(body)).as("%s (subzones %s) against OC4IDS 0.9", code,
                        includeSubzones).isEmpty();
                Set<String> ids = new HashSet<>();
                Oc4idsPackageTest.read(body).path("projects").forEach(p -> ids.add(p.path("id").asText()));
                softly.assertThat(ids).as("%s (subzones %s) projects", code, includeSubzones)
                        .isEqualTo(expected.stream().map(p -> PREFIX + p).collect(java.util.stream.Collectors.toSet()));
                validated++;
            }
        }
        softly.assertThat(validated).as("packages validated").isGreaterThanOrEqualTo(10);
        softly.assertAll();
    }

    @Test
    void theCaijiaOpportunityListIsPublishedWithItsDeclaredTotal() {
        JsonNode pkg = packageOf("chongqing", true);
        assertThat(pkg.path("projects")).hasSize(29);
        assertThat(budgetTotal(pkg)).isEqualByComparingTo("93800000000.00");
        for (JsonNode project : pkg.path("projects")) {
            assertThat(project.path("publicAuthority").path("id").asText()).isEqualTo("zone-caijia");
            assertThat(project.path("publicAuthority").path("name").asText()).isEqualTo("Caijia Smart New City");
        }
    }

    @Test
    void taiyuanXinzhouFundersAndTransactionsAreTheDemoAgreements() {
        JsonNode pkg = packageOf("taiyuan-xinzhou", true);
        BigDecimal estimated = demo.projects().stream()
                .filter(p -> demoProjects("taiyuan-xinzhou", true).contains(p.path("code").asText()))
                .map(p -> new BigDecimal(p.path("estimatedInvestment").path("amount").asText()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(budgetTotal(pkg)).isEqualByComparingTo(estimated);
        SoftAssertions softly = new SoftAssertions();
        BigDecimal expectedTotal = BigDecimal.ZERO;
        BigDecimal exportedTotal = BigDecimal.ZERO;
        for (JsonNode project : pkg.path("projects")) {
            String code = project.path("id").asText().substring(PREFIX.length());
            Set<String> parties = new TreeSet<>();
            project.path("parties").forEach(party -> {
                if (party.path("roles").toString().contains("funder")) {
                    parties.add(party.path("id").asText());
                }
            });
            softly.assertThat(parties).as("funders of %s", code).isEqualTo(funders.getOrDefault(code, Set.of()));
            List<BigDecimal> expected = received.getOrDefault(code, List.of());
            softly.assertThat(project.path("transactions").size()).as("transactions of %s", code)
                    .isEqualTo(expected.size());
            expectedTotal = expected.stream().reduce(expectedTotal, BigDecimal::add);
            for (JsonNode transaction : project.path("transactions")) {
                exportedTotal = exportedTotal.add(transaction.path("value").path("amount").decimalValue());
                softly.assertThat(parties).as("payer of a transaction of %s is a funder", code)
                        .contains(transaction.path("payer").path("id").asText());
            }
        }
        softly.assertThat(exportedTotal).as("funds received in the zone").isEqualByComparingTo(expectedTotal);
        softly.assertAll();
        assertThat(expectedTotal).as("the demo has disbursements").isPositive();

        JsonNode avenue = Oc4idsPackageTest.projectOf(packageOf("taiyuan-xinzhou", false), "taiyuan-xinzhou-avenue");
        assertThat(avenue.path("sector").toString()).isEqualTo("[\"transport\",\"transport.road\"]");
        assertThat(avenue.path("milestones").findValuesAsText("id")).containsExactly("completion", "opening");
        assertThat(avenue.path("locations").path(0).path("geometry").path("type").asText()).isEqualTo("LineString");
        BigDecimal breakdown = BigDecimal.ZERO;
        for (JsonNode entry : avenue.path("budget").path("budgetBreakdown")) {
            breakdown = breakdown.add(entry.path("amount").path("amount").decimalValue());
        }
        assertThat(breakdown).isEqualByComparingTo(avenue.path("budget").path("amount").path("amount").decimalValue());
    }

    private JsonNode packageOf(String zone, boolean includeSubzones) {
        return Oc4idsPackageTest.read(viewer().queryParam("zone", zone).queryParam("includeSubzones", includeSubzones)
                .get(PACKAGE).then().statusCode(200).extract().asString());
    }

    /** The demo projects of the zone (and of the zones below it), from the demo files. */
    private Set<String> demoProjects(String zone, boolean includeSubzones) {
        Set<String> zones = new HashSet<>(Set.of(zone));
        boolean grown = includeSubzones;
        while (grown) {
            grown = false;
            for (JsonNode z : demo.zones()) {
                if (zones.contains(z.path("parentCode").asText(null)) && zones.add(z.path("code").asText())) {
                    grown = true;
                }
            }
        }
        Set<String> projects = new TreeSet<>();
        zoneOf.forEach((project, in) -> {
            if (zones.contains(in)) {
                projects.add(project);
            }
        });
        return projects;
    }

    private static BigDecimal budgetTotal(JsonNode pkg) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode project : pkg.path("projects")) {
            assertThat(project.path("budget").path("amount").path("currency").asText()).isEqualTo("CNY");
            total = total.add(project.path("budget").path("amount").path("amount").decimalValue());
        }
        return total;
    }

    private static int count(JsonNode pkg, String field) {
        int n = 0;
        for (JsonNode project : pkg.path("projects")) {
            n += project.path(field).size();
        }
        return n;
    }

    private static boolean allFundersNamed(JsonNode pkg) {
        for (JsonNode project : pkg.path("projects")) {
            for (JsonNode party : project.path("parties")) {
                if (!party.hasNonNull("name")) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void create(String path, JsonNode body) {
        int status = editor().body(body.toString()).post(path).statusCode();
        assertThat(status).as("POST %s %s", path, body.path("code").asText()).isIn(201, 409);
    }

    private static LocalDate date(JsonNode node, String field) {
        return LocalDate.parse(node.path(field).asText());
    }
}
