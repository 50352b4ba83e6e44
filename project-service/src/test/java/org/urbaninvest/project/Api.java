package org.urbaninvest.project;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.urbaninvest.testsupport.Tokens;

/** Shared fixtures for the REST tests: unique codes and the requests that set up zones, programmes, projects. */
final class Api {

    static final String ZONES = "/api/v1/zones";
    static final String PROGRAMMES = "/api/v1/programmes";
    static final String PROJECTS = "/api/v1/projects";
    static final String PLANS = "/api/v1/plans";
    static final String PROBLEM = "application/problem+json";

    private Api() {
    }

    /** A code no other test uses: the database is shared by every test of the module. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestSpecification editor() {
        return given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON);
    }

    static RequestSpecification viewer() {
        return given().auth().oauth2(Tokens.viewer());
    }

    static String zoneJson(String code, String parent) {
        return """
                {"code": "%s", "name": "Zone %s", "kind": "DISTRICT", "parentCode": %s, "areaKm2": 88,
                 "population": 120000, "regionCode": "500109", "description": null}"""
                .formatted(code, code, parent == null ? "null" : "\"" + parent + "\"");
    }

    static String zone(String parent) {
        String code = unique("z");
        editor().body(zoneJson(code, parent)).post(ZONES).then().statusCode(201);
        return code;
    }

    static String programmeJson(String code, String zone, String... categories) {
        StringBuilder list = new StringBuilder();
        for (String category : categories) {
            list.append(list.length() == 0 ? "" : ", ").append("""
                    {"code": "%s", "name": "Category %s",
                     "declared": {"projectCount": 2, "investment": {"amount": "1000000.00", "currency": "CNY"}}}"""
                    .formatted(category, category));
        }
        return """
                {"code": "%s", "name": "Opportunity list %s", "zoneCode": "%s", "publishedOn": "2022-09-19",
                 "declared": {"projectCount": %d, "investment": {"amount": "%d000000.00", "currency": "CNY"}},
                 "categories": [%s]}"""
                .formatted(code, code, zone, 2 * categories.length, categories.length, list);
    }

    static String programme(String zone, String... categories) {
        String code = unique("p");
        editor().body(programmeJson(code, zone, categories)).post(PROGRAMMES).then().statusCode(201);
        return code;
    }

    static String projectJson(String code, String zone, String programme, String category, String status) {
        return """
                {"code": "%s", "name": "Project %s", "zoneCode": "%s", "programmeCode": %s, "categoryCode": %s,
                 "status": "%s", "type": "construction", "sector": "transport.road",
                 "estimatedInvestment": {"amount": "1250000.50", "currency": "CNY"},
                 "plannedStart": "2021-03-01", "plannedCompletion": "2022-08-20",
                 "location": {"type": "LineString", "coordinates": [[112.55, 37.87], [112.73, 38.41]]},
                 "fundingSources": [{"kind": "SPECIAL_BOND", "amount": {"amount": 1000000, "currency": "CNY"}}],
                 "milestones": [{"code": "opening", "title": "Opened to traffic", "dueDate": "2022-09-30",
                                 "dateMet": null, "status": "scheduled"}],
                 "identifiers": [{"scheme": "CN-NDRC", "id": "2021-140000-48-01-000001"}],
                 "description": "A test project"}"""
                .formatted(code, code, zone, quoted(programme), quoted(category), status);
    }

    static String project(String zone, String programme, String category, String status) {
        String code = unique("pr");
        editor().body(projectJson(code, zone, programme, category, status)).post(PROJECTS).then().statusCode(201);
        return code;
    }

    /**
     * A plan over 2021–2035 with an observed economic aggregate (CNY, baseline 2021, targets 2030 and 2035, one
     * observation), a population without a baseline, and an indicator derived from signed investment.
     */
    static String planJson(String code, String zone) {
        return """
                {"code": "%s", "zoneCode": "%s", "title": "Plan %s",
                 "source": {"title": "Plan released", "issuer": "Provincial government", "date": "2022-10-17",
                            "url": "https://example.org/plan"},
                 "period": {"startDate": "2021-01-01", "endDate": "2035-12-31"},
                 "indicators": [
                   {"code": "economic-aggregate", "name": "Economic aggregate", "unit": "CNY", "aggregation": "SUM",
                    "derivedFrom": null, "baseline": {"year": 2021, "value": "700000000000"},
                    "targets": [{"year": 2035, "value": "2000000000000"}, {"year": 2030, "value": "1350000000000"}],
                    "observations": [{"date": "2022-12-31", "value": "760000000000.50", "source": "bulletin"}]},
                   {"code": "population", "name": "Permanent population", "unit": "persons", "aggregation": "NONE",
                    "derivedFrom": null, "baseline": null, "targets": [], "observations": []},
                   {"code": "signed", "name": "Signed investment", "unit": "CNY", "aggregation": "SUM",
                    "derivedFrom": "signed-investment", "baseline": {"year": 2021, "value": "0"},
                    "targets": [{"year": 2030, "value": "50000000000"}], "observations": []}]}"""
                .formatted(code, zone, code);
    }

    static String plan(String zone) {
        String code = unique("pl");
        editor().body(planJson(code, zone)).post(PLANS).then().statusCode(201);
        return code;
    }

    static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    /** Asserts a problem+json answer with the status, and returns it for more checks. */
    static ValidatableResponse problem(Response response, int status) {
        return response.then().statusCode(status).contentType(PROBLEM)
                .body("status", Matchers.equalTo(status))
                .body(Matchers.not(Matchers.containsString("Exception")));
    }
}
