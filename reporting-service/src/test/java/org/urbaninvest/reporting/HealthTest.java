package org.urbaninvest.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.OpenEndpoints;

@QuarkusTest
class HealthTest {

    @Test
    void readyWithoutToken() {
        OpenEndpoints.readyWithoutToken().body("checks.find { it.name == 'projections' }.status", equalTo("UP"));
    }

    /** The API description names the report endpoints and their schemas, under the names the responses had. */
    @Test
    void openApiWithoutToken() {
        JsonNode openApi = Api.parse(given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        assertThat(openApi.get("paths").has("/api/v1/reports/zones/{code}")).isTrue();
        assertThat(openApi.get("paths").has("/api/v1/reports/zones/{code}/timeseries")).isTrue();
        assertThat(openApi.get("paths").has("/api/v1/admin/rebuild")).isTrue();
        JsonNode schemas = openApi.at("/components/schemas");
        for (String schema : new String[] {"ZoneReport", "ProgrammeReport", "TimeseriesPoint", "Catalogue",
                "RebuildStatus"}) {
            assertThat(schemas.has(schema)).as(schema).isTrue();
        }
        assertThat(schemas.at("/ZoneReport/properties").has("agreements")).isTrue();
    }

    /** Every operation has an operationId, summary, description, tags, problem-document errors and examples. */
    @Test
    void openApiDocumentsEveryOperation() {
        OpenEndpoints.everyOperationDocumented();
    }
}
