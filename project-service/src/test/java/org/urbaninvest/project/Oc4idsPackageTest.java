package org.urbaninvest.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.urbaninvest.project.Api.PROJECTS;
import static org.urbaninvest.project.Api.editor;
import static org.urbaninvest.project.Api.problem;
import static org.urbaninvest.project.Api.project;
import static org.urbaninvest.project.Api.projectJson;
import static org.urbaninvest.project.Api.unique;
import static org.urbaninvest.project.Api.viewer;
import static org.urbaninvest.project.Api.zone;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.KafkaTestClient;
import org.urbaninvest.testsupport.Tokens;

/**
 * {@code GET /api/v1/oc4ids/project-package}: the fields and figures of the package, the agreement and investor
 * replicas fed through real Kafka (newest version kept, poison to the dead letters), the refusals of bad parameters,
 * and the zone scope.
 */
@QuarkusTest
class Oc4idsPackageTest {

    static final String PACKAGE = "/api/v1/oc4ids/project-package";
    static final String PREFIX = "oc4ids-urbaninvest-";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The package as text, waiting (bounded) until it satisfies {@code ready}. */
    static JsonNode awaitPackage(String zone, boolean includeSubzones, Predicate<JsonNode> ready) {
        List<JsonNode> last = new ArrayList<>(1);
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            String body = viewer().queryParam("zone", zone).queryParam("includeSubzones", includeSubzones)
                    .get(PACKAGE).then().statusCode(200).extract().asString();
            last.clear();
            last.add(read(body));
            return ready.test(last.get(0));
        });
        return last.get(0);
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static JsonNode projectOf(JsonNode pkg, String code) {
        for (JsonNode project : pkg.path("projects")) {
            if (project.path("id").asText().equals(PREFIX + code)) {
                return project;
            }
        }
        throw new AssertionError("no project " + code + " in " + pkg);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(field == null ? item.asText() : item.path(field).asText()));
        return values;
    }

    @Test
    void exportsProjectsWithTheirBudgetFundersAndTheFundsTheyDisbursed() {
        String zone = zone(null);
        String child = zone(zone);
        String main = project(zone, null, null, "implementation");
        String operated = unique("pr");
        editor().body(projectJson(operated, child, null, null, "maintenance")).post(PROJECTS).then().statusCode(201);
        UUID payer = UUID.randomUUID();
        UUID intending = UUID.randomUUID();
        UUID withdrawing = UUID.randomUUID();
        // the newer name wins over a stale redelivery of the first
        FundingEvents.investor(payer, "Jinci Semiconductor", 1);
        FundingEvents.investor(payer, "Jinci Semiconductor Co., Ltd.", 2);
        FundingEvents.investor(payer, "Jinci Semiconductor", 1);
        FundingEvents.investor(intending, "Fenhe Energy Investment", 1);
        FundingEvents.investor(withdrawing, "Binhai Fine Chemicals", 1);
        LocalDate day = LocalDate.parse("2022-01-10");
        FundingEvents.Agreement paid = new FundingEvents.Agreement(UUID.randomUUID(), main, zone, payer, "A-1",
                "500.00", "CNY", day).send().sign("400.00", day.plusDays(20)).send()
                .disburse("100.00", LocalDate.parse("2022-04-01")).send()
                .disburse("50.25", LocalDate.parse("2022-03-01")).send();
        // a stale redelivery of the signed version changes nothing
        new FundingEvents.Agreement(paid.id, main, zone, payer, "A-1", "500.00", "CNY", day)
                .sign("999.00", day.plusDays(20)).send();
        new FundingEvents.Agreement(UUID.randomUUID(), main, zone, intending, "A-2", "70.00", "CNY", day).send();
        new FundingEvents.Agreement(UUID.randomUUID(), main, zone, withdrawing, "A-3", "80.00", "CNY", day)
                .sign("80.00", day.plusDays(1)).withdraw(day.plusDays(2)).send();
        new FundingEvents.Agreement(UUID.randomUUID(), operated, child, payer, "B-1", "300.00", "CNY", day)
                .sign("300.00", day.plusDays(3)).start(day.plusDays(9)).send();

        JsonNode pkg = awaitPackage(zone, true, p -> p.path("projects").size() == 2
                && projectOf(p, main).path("transactions").size() == 2
                && projectOf(p, operated).path("parties").size() == 2
                && projectOf(p, main).path("parties").path(1).path("name").asText().endsWith("Ltd."));

        assertThat(Oc4idsSchema.errors(pkg.toString())).as("valid OC4IDS 0.9").isEmpty();
        assertThat(pkg.path("version").asText()).isEqualTo("0.9");
        assertThat(pkg.path("publisher").path("name").asText()).isEqualTo("UrbanInvest");
        assertThat(pkg.path("uri").asText()).contains(PACKAGE + "?zone=" + zone);
        assertThat(texts(pkg.path("projects"), "id")).containsExactlyElementsOf(
                java.util.stream.Stream.of(main, operated).sorted().map(code -> PREFIX + code).toList());

        JsonNode p = projectOf(pkg, main);
        assertThat(p.path("title").asText()).isEqualTo("Project " + main);
        assertThat(p.path("status").asText()).isEqualTo("implementation");
        assertThat(p.path("type").asText()).isEqualTo("construction");
        assertThat(texts(p.path("sector"), null)).containsExactly("transport", "transport.road");
        assertThat(p.path("period").path("startDate").asText()).isEqualTo("2021-03-01T00:00:00Z");
        assertThat(p.path("period").path("endDate").asText()).isEqualTo("2022-08-20T00:00:00Z");
        JsonNode budget = p.path("budget").path("amount");
        assertThat(budget.path("amount").isNumber()).as("amount as a JSON number").isTrue();
        assertThat(budget.path("amount").decimalValue()).isEqualByComparingTo("1250000.50");
        assertThat(budget.path("currency").asText()).isEqualTo("CNY");
        JsonNode breakdown = p.path("budget").path("budgetBreakdown");
        assertThat(breakdown).hasSize(1);
        assertThat(breakdown.path(0).path("description").asText()).isEqualTo("Local government special bonds");
        assertThat(breakdown.path(0).path("amount").path("amount").decimalValue()).isEqualByComparingTo("1000000");
        assertThat(p.path("locations").path(0).path("geometry").path("type").asText()).isEqualTo("LineString");
        assertThat(p.path("locations").path(0).path("geometry").path("coordinates").path(1).path(0).decimalValue())
                .isEqualByComparingTo("112.73");
        JsonNode milestone = p.path("milestones").path(0);
        assertThat(milestone.path("id").asText()).isEqualTo("opening");
        assertThat(milestone.path("type").asText()).isEqualTo("delivery");
        assertThat(milestone.path("title").asText()).isEqualTo("Opened to traffic");
        assertThat(milestone.path("dueDate").asText()).isEqualTo("2022-09-30T00:00:00Z");
        assertThat(milestone.path("status").asText()).isEqualTo("scheduled");
        assertThat(p.path("identifiers").path(0).path("scheme").asText()).isEqualTo("CN-NDRC");

        // the zone's authority, then the one investor with a signed agreement: intentions and withdrawals fund nothing
        assertThat(p.path("publicAuthority").path("id").asText()).isEqualTo("zone-" + zone);
        assertThat(p.path("publicAuthority").path("name").asText()).isEqualTo("Zone " + zone);
        assertThat(texts(p.path("parties"), "id")).containsExactly("zone-" + zone, "investor-" + payer);
        assertThat(texts(p.path("parties").path(0).path("roles"), null)).containsExactly("publicAuthority");
        assertThat(texts(p.path("parties").path(1).path("roles"), null)).containsExactly("funder", "payer");
        assertThat(p.path("parties").path(1).path("name").asText()).isEqualTo("Jinci Semiconductor Co., Ltd.");

        // the disbursements, oldest first, paid by the funder
        JsonNode transactions = p.path("transactions");
        assertThat(texts(transactions, "date")).containsExactly("2022-03-01T00:00:00Z", "2022-04-01T00:00:00Z");
        BigDecimal received = BigDecimal.ZERO;
        for (JsonNode t : transactions) {
            assertThat(t.path("payer").path("id").asText()).isEqualTo("investor-" + payer);
            assertThat(t.path("value").path("currency").asText()).isEqualTo("CNY");
            received = received.add(t.path("value").path("amount").decimalValue());
        }
        assertThat(received).isEqualByComparingTo("150.25");

        JsonNode o = projectOf(pkg, operated);
        assertThat(o.path("status").asText()).as("maintenance is past completion").isEqualTo("completed");
        assertThat(o.path("publicAuthority").path("id").asText()).isEqualTo("zone-" + child);
        assertThat(texts(o.path("parties").path(1).path("roles"), null)).containsExactly("funder");
        assertThat(o.has("transactions")).as("no disbursement, no transactions").isFalse();
        assertThat(pkg.path("publishedDate").asText()).isEqualTo(java.util.stream.Stream.of(p, o)
                .map(project -> java.time.Instant.parse(project.path("updated").asText()))
                .max(java.util.Comparator.naturalOrder()).orElseThrow().toString());

        viewer().queryParam("zone", zone).get(PACKAGE).then().statusCode(200)
                .body("projects.id", containsInAnyOrder(PREFIX + main));
    }

    @Test
    void refusesBadParametersListingEachOne() {
        problem(viewer().get(PACKAGE), 400).body("errors.field", containsInAnyOrder("zone"));
        problem(viewer().queryParam("zone", "Not A Code").get(PACKAGE), 400)
                .body("errors.field", containsInAnyOrder("zone"));
        problem(viewer().queryParam("zone", zone(null)).queryParam("includeSubzones", "yes").get(PACKAGE), 400)
                .body("errors.field", containsInAnyOrder("includeSubzones"));
        problem(viewer().queryParam("includeSubzones", "maybe").get(PACKAGE), 400)
                .body("errors.field", containsInAnyOrder("zone", "includeSubzones"));
    }

    @Test
    void anUnknownZoneOrOneWithoutProjectsIs404() {
        String unknown = unique("z");
        problem(viewer().queryParam("zone", unknown).get(PACKAGE), 404).body("detail", equalTo("no zone " + unknown));
        String empty = zone(null);
        project(zone(empty), null, null, "identification");
        problem(viewer().queryParam("zone", empty).get(PACKAGE), 404);
        viewer().queryParam("zone", empty).queryParam("includeSubzones", true).get(PACKAGE).then().statusCode(200);
    }

    @Test
    void aScopedViewerReadsThePackagesOfItsZonesOnly() {
        String city = zone(null);
        String inside = zone(city);
        String outside = zone(city);
        project(inside, null, null, "preparation");
        project(outside, null, null, "preparation");
        String scoped = Tokens.scoped("viewer", inside);
        RestAssured.given().auth().oauth2(scoped).queryParam("zone", inside).get(PACKAGE).then().statusCode(200);
        String refused = problem(RestAssured.given().auth().oauth2(scoped).queryParam("zone", outside).get(PACKAGE),
                404).extract().path("detail");
        assertThat(refused).as("answered as for an unknown zone").isEqualTo("no zone " + outside);
        problem(RestAssured.given().auth().oauth2(scoped).queryParam("zone", city).queryParam("includeSubzones", true)
                .get(PACKAGE), 404);
        RestAssured.given().auth().oauth2(Tokens.service()).queryParam("zone", inside).get(PACKAGE).then()
                .statusCode(403);
    }

    @Test
    void sendsAPoisonAgreementToTheDeadLettersAndGoesOn() {
        String zone = zone(null);
        String code = project(zone, null, null, "implementation");
        String poison = UUID.randomUUID().toString();
        FundingEvents.sendRaw(poison, "{\"id\": \"" + poison + "\", \"version\": 1}");
        UUID investor = UUID.randomUUID();
        FundingEvents.investor(investor, "After Poison Ltd", 1);
        new FundingEvents.Agreement(UUID.randomUUID(), code, zone, investor, "P-1", "10.00", "CNY",
                LocalDate.parse("2022-05-01")).sign("10.00", LocalDate.parse("2022-05-02")).send();

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.ofTestInfrastructure()
                .awaitRecordsWithKey("project-service.dlq", poison, 1);
        assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-reason")).isNotBlank();
        awaitPackage(zone, false, p -> projectOf(p, code).path("parties").size() == 2);
    }
}
