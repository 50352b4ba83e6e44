package org.urbaninvest.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthTest {

    @Test
    void readyWithoutToken() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    /** Every PUT documents the one If-Match rule: the header required, 412 and 428 listed. */
    @Test
    void openApiWithoutTokenDocumentsTheRequiredIfMatchOnEveryPut() {
        for (String path : new String[] {"/api/v1/zones/{code}", "/api/v1/programmes/{code}", "/api/v1/projects/{code}"}) {
            String put = "paths.'" + path + "'.put.";
            given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                    .body(put + "parameters.find { it.name == 'If-Match' }.in", equalTo("header"))
                    .body(put + "parameters.find { it.name == 'If-Match' }.required", equalTo(true))
                    .body(put + "responses.'412'.description", org.hamcrest.Matchers.notNullValue())
                    .body(put + "responses.'428'.description", org.hamcrest.Matchers.notNullValue());
        }
    }
}
