package org.urbaninvest.investment;

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

    @Test
    void openApiWithoutTokenDocumentsTheRequiredIfMatch() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/investors/{id}'.put.parameters.find { it.name == 'If-Match' }.in",
                        equalTo("header"))
                .body("paths.'/api/v1/investors/{id}'.put.parameters.find { it.name == 'If-Match' }.required",
                        equalTo(true))
                .body("paths.'/api/v1/investors/{id}'.put.responses.'428'.description",
                        org.hamcrest.Matchers.notNullValue());
    }
}
