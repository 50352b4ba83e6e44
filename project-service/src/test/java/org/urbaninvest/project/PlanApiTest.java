package org.urbaninvest.project;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.urbaninvest.project.Api.PLANS;
import static org.urbaninvest.project.Api.editor;
import static org.urbaninvest.project.Api.problem;
import static org.urbaninvest.project.Api.viewer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlanApiTest {

    private static final String OBSERVATION = """
            {"indicatorCode": "%s", "observations": [{"date": "%s", "value": "%s", "source": null}]}""";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void publishesAPlanWithItsIndicators() {
        String zone = Api.zone(null);
        String code = Api.unique("pl");
        editor().body(Api.planJson(code, zone)).post(PLANS).then().statusCode(201).header("ETag", "\"1\"")
                .header("Location", endsWith(PLANS + "/" + code))
                .body("zoneCode", equalTo(zone)).body("source.date", equalTo("2022-10-17"))
                .body("period.endDate", equalTo("2035-12-31"))
                .body("indicators.code", contains("economic-aggregate", "population", "signed"))
                // values stay the strings that were sent; targets are kept by year
                .body("indicators[0].baseline.value", equalTo("700000000000"))
                .body("indicators[0].targets.year", contains(2030, 2035))
                .body("indicators[0].targets[0].value", equalTo("1350000000000"))
                .body("indicators[0].observations[0].value", equalTo("760000000000.50"))
                .body("indicators[1].baseline", nullValue()).body("indicators[1].aggregation", equalTo("NONE"))
                .body("indicators[2].derivedFrom", equalTo("signed-investment")).body("version", equalTo(1));
        viewer().get(PLANS + "/" + code).then().statusCode(200).header("ETag", "\"1\"")
                .body("indicators[2].derivedFrom", equalTo("signed-investment"));
        viewer().queryParam("zone", zone).get(PLANS).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].code", equalTo(code)).body("items[0].indicators.size()", equalTo(3));
        assertEquals(1, Outboxes.events(dataSource, code));
    }

    @Test
    void updateNeedsIfMatchAndAnUnchangedPlanMakesNoVersion() {
        String zone = Api.zone(null);
        String code = Api.plan(zone);
        String changed = Api.planJson(code, zone).replace("\"1350000000000\"", "\"1400000000000\"");
        problem(editor().body(changed).put(PLANS + "/" + code), 428);
        problem(editor().header("If-Match", "\"2\"").body(changed).put(PLANS + "/" + code), 412);
        viewer().get(PLANS + "/" + code).then().body("indicators[0].targets[0].value", equalTo("1350000000000"))
                .body("version", equalTo(1));
        assertEquals(1, Outboxes.events(dataSource, code));

        editor().header("If-Match", "\"1\"").body(changed).put(PLANS + "/" + code).then().statusCode(200)
                .header("ETag", "\"2\"").body("indicators[0].targets[0].value", equalTo("1400000000000"))
                .body("version", equalTo(2));
        long events = Outboxes.events(dataSource, code);
        editor().header("If-Match", "\"2\"").body(changed).put(PLANS + "/" + code).then().statusCode(200)
                .body("version", equalTo(2));
        viewer().get(PLANS + "/" + code).then().body("version", equalTo(2));
        assertEquals(events, Outboxes.events(dataSource, code));

        viewer().get(PLANS + "/" + code + "/history").then().statusCode(200).body("version", contains(1, 2))
                .body("change", contains("published", "updated")).body("[1].changes.field", contains("indicators"));
        problem(viewer().get(PLANS + "/no-such-plan/history"), 404);
    }

    @Test
    void observationsAreAppendedOneVersionPerCall() {
        String zone = Api.zone(null);
        String code = Api.plan(zone);
        String path = PLANS + "/" + code + "/observations";
        editor().body(OBSERVATION.formatted("economic-aggregate", "2023-12-31", "810000000000")).post(path).then()
                .statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2))
                .body("indicators[0].observations.date", contains("2022-12-31", "2023-12-31"))
                .body("indicators[0].observations[1].source", nullValue());
        // If-Match is optional; when sent it must be current
        problem(editor().header("If-Match", "\"1\"")
                .body(OBSERVATION.formatted("population", "2023-12-31", "12100000")).post(path), 412);
        editor().header("If-Match", "\"2\"").body(OBSERVATION.formatted("population", "2022-01-01", "12100000"))
                .post(path).then().statusCode(200).body("version", equalTo(3))
                .body("indicators[1].observations[0].value", equalTo("12100000"));
        assertEquals(3, Outboxes.events(dataSource, code));
        viewer().get(PLANS + "/" + code + "/history").then()
                .body("change", contains("published", "observation-recorded", "observation-recorded"));

        problem(editor().body(OBSERVATION.formatted("signed", "2023-12-31", "1")).post(path), 422)
                .body("errors.field", contains("indicatorCode"))
                .body("errors[0].message", containsString("derived"));
        problem(editor().body(OBSERVATION.formatted("no-such", "2023-12-31", "1")).post(path), 422)
                .body("errors.field", contains("indicatorCode"));
        problem(editor().body("""
                {"indicatorCode": "economic-aggregate", "observations": [
                  {"date": "2023-12-31", "value": "1", "source": null},
                  {"date": "2020-12-31", "value": "1", "source": null},
                  {"date": "2036-01-01", "value": "1", "source": null},
                  {"date": "2024-06-30", "value": "1", "source": null},
                  {"date": "2024-06-30", "value": "2", "source": null}]}""").post(path), 400)
                .body("errors.field", contains("observations[0].date", "observations[1].date",
                        "observations[2].date", "observations[4].date"))
                .body("errors[0].message", containsString("repeats"));
        problem(editor().body(OBSERVATION.formatted("population", "2024-01-01", "1.5e7")).post(path), 400)
                .body("errors.field", contains("observations[0].value"));
        problem(editor().body(OBSERVATION.formatted("population", "2024-01-01", "1")).post(PLANS + "/no-plan/observations"),
                404);
        viewer().get(PLANS + "/" + code).then().body("version", equalTo(3));
        assertEquals(3, Outboxes.events(dataSource, code));
    }

    @Test
    void everyBrokenRuleIsListedAndNothingIsStored() {
        String zone = Api.zone(null);
        String code = Api.unique("pl");
        String bad = Api.planJson(code, zone)
                .replace("\"unit\": \"persons\"", "\"unit\": \"people\"")
                .replace("{\"year\": 2035, \"value\": \"2000000000000\"}", "{\"year\": 2036, \"value\": \"1\"},"
                        + " {\"year\": 2021, \"value\": \"1\"}, {\"year\": 2030, \"value\": \"2\"}")
                .replace("\"targets\": [{\"year\": 2030, \"value\": \"50000000000\"}], \"observations\": []",
                        "\"targets\": [], \"observations\": [{\"date\": \"2022-01-01\", \"value\": \"1\"}]")
                .replace("\"code\": \"signed\", \"name\": \"Signed investment\", \"unit\": \"CNY\"",
                        "\"code\": \"signed\", \"name\": \"Signed investment\", \"unit\": \"km2\"");
        problem(editor().body(bad).post(PLANS), 400).body("errors.field", containsInAnyOrder(
                "indicators[0].targets[0].year", "indicators[0].targets[1].year", "indicators[0].targets[3].year",
                "indicators[1].unit", "indicators[2].unit", "indicators[2].observations"));

        problem(editor().body(Api.planJson(code, zone).replace("\"700000000000\"", "\"7e11\"")
                .replace("\"aggregation\": \"NONE\"", "\"aggregation\": \"AVERAGE\"")).post(PLANS), 400);
        problem(editor().body(Api.planJson(code, zone).replace("\"700000000000\"", "\"7e11\"")
                .replace("\"title\": \"Plan released\"", "\"title\": \"\"")).post(PLANS), 400)
                .body("errors.field", containsInAnyOrder("indicators[0].baseline.value", "source.title"));
        problem(editor().body(Api.planJson(code, zone).replace("\"endDate\": \"2035-12-31\"",
                "\"endDate\": \"2020-12-31\"")).post(PLANS), 400).body("errors.field", contains("period.endDate"));
        problem(editor().body(Api.planJson(code, "no-such-zone")).post(PLANS), 422)
                .body("errors.field", contains("zoneCode"));
        problem(viewer().get(PLANS + "/" + code), 404);
        assertEquals(0, Outboxes.events(dataSource, code));

        String existing = Api.plan(zone);
        problem(editor().body(Api.planJson(existing, zone)).post(PLANS), 409);
        problem(editor().header("If-Match", "\"1\"").body(Api.planJson("other-code", zone))
                .put(PLANS + "/" + existing), 400).body("errors.field", contains("code"));
        assertEquals(1, Outboxes.events(dataSource, existing));
    }
}
