package org.urbaninvest.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.ValidatableResponse;

/** What every service answers without a token: its readiness, and an OpenAPI document that states its rules. */
public final class OpenEndpoints {

    private OpenEndpoints() {
    }

    /** {@code /q/health/ready} answers UP without a token; the answer, for more checks. */
    public static ValidatableResponse readyWithoutToken() {
        return given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** The OpenAPI document, read without a token, documents the one If-Match rule on the PUT of every path given. */
    public static void ifMatchRequiredOnPut(String... paths) {
        for (String path : paths) {
            String put = "paths.'" + path + "'.put.";
            given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                    .body(put + "parameters.find { it.name == 'If-Match' }.in", equalTo("header"))
                    .body(put + "parameters.find { it.name == 'If-Match' }.required", equalTo(true))
                    .body(put + "responses.'412'.description", notNullValue())
                    .body(put + "responses.'428'.description", notNullValue());
        }
    }
}
