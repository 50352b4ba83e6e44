package org.urbaninvest.platform.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schemas named by ce_dataschema: served without a token from the service's own files, cacheable. */
@QuarkusTest
class EventSchemaResourceTest {

    private static final Path FILES = Path.of("src/test/resources/events");

    @Test
    void anEventTypesSchemaAndTheFileItRefersToAreServedAsTheyAreWithoutAToken() throws IOException {
        Response schema = given().get("/api/v1/schemas/events/note.registered");
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.contentType()).startsWith("application/schema+json");
        assertThat(schema.asString()).isEqualTo(Files.readString(FILES.resolve("note.registered.schema.json")));
        assertThat(schema.header("Cache-Control")).contains("max-age=3600");

        // "$ref": "defs/note.json" resolved against the schema's URL
        Response referenced = given().get("/api/v1/schemas/events/defs/note.json");
        assertThat(referenced.statusCode()).isEqualTo(200);
        assertThat(referenced.asString()).isEqualTo(Files.readString(FILES.resolve("defs/note.json")));
    }

    @Test
    void qAsyncapiLeadsToTheServicesAsyncApiDocumentBesideItsSchemas() throws IOException {
        given().redirects().follow(false).get("/q/asyncapi")
                .then().statusCode(302).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/schemas/events/asyncapi.yaml"));
        Response document = given().get("/q/asyncapi");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.contentType()).startsWith("application/yaml");
        assertThat(document.asString()).isEqualTo(Files.readString(FILES.resolve("asyncapi.yaml")));
    }

    @Test
    void aClientHoldingTheETagGetsNotModified() {
        String etag = given().get("/api/v1/schemas/events/note.registered").then().statusCode(200)
                .extract().header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        given().header("If-None-Match", etag).get("/api/v1/schemas/events/note.registered")
                .then().statusCode(304).header("ETag", etag);
        given().header("If-None-Match", "\"other\"").get("/api/v1/schemas/events/note.registered")
                .then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"note.unknown", "defs/missing.json", "..%2Fapplication.properties",
            "defs/..%2F..%2Fapplication.properties", "NOTE.REGISTERED"})
    void anythingElseIsNotFoundAsAProblem(String name) {
        given().urlEncodingEnabled(false).get("/api/v1/schemas/events/" + name)
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }
}
