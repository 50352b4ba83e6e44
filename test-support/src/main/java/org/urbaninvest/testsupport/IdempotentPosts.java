package org.urbaninvest.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the running service's OpenAPI document for what it says about {@code Idempotency-Key}. */
public final class IdempotentPosts {

    public static final String HEADER = "Idempotency-Key";

    private IdempotentPosts() {
    }

    /**
     * Checks that every {@code POST} of the document lists the optional header and its 409 and 422 answers;
     * returns the paths of those operations.
     */
    public static List<String> assertEveryPostDocumentsTheKey() {
        JsonPath openApi = given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        List<String> posts = new ArrayList<>();
        paths.forEach((path, operations) -> {
            if (operations.containsKey("post")) {
                posts.add(path);
                String post = "paths.'" + path + "'.post";
                assertThat(openApi.getList(post + ".parameters.name", String.class)).as(path).contains(HEADER);
                assertThat(openApi.getMap(post + ".responses")).as(path).containsKeys("409", "422");
            }
        });
        return posts;
    }
}
