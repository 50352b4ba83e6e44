package org.urbaninvest.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What every service answers without a token: its readiness, and an OpenAPI document that states its rules. */
public final class OpenEndpoints {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

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

    /**
     * Every operation of the OpenAPI document, read without a token, is documented for a client that has only the
     * document: a unique operationId, a summary and a description, tags that the document defines, security schemes
     * that it defines, a success answer, every error answer (4xx, 5xx and {@code default}, which is always there) as
     * an RFC 9457 problem document with the {@code Problem} schema, and an example for every JSON body (checked against
     * its schema by the Spectral lint). Lists every gap at once.
     */
    public static void everyOperationDocumented() {
        JsonNode document = openApi();
        List<String> gaps = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        Set<String> tags = new HashSet<>();
        document.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
        JsonNode schemes = document.at("/components/securitySchemes");
        if (!document.at("/components/schemas/Problem/properties").has("status")) {
            gaps.add("components.schemas.Problem is missing");
        }
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (!METHODS.contains(entry.getKey())) {
                return;
            }
            String where = entry.getKey().toUpperCase() + " " + path.getKey() + ": ";
            JsonNode operation = entry.getValue();
            String operationId = operation.path("operationId").asText("");
            if (operationId.isBlank() || !operationIds.add(operationId)) {
                gaps.add(where + "operationId missing or not unique: '" + operationId + "'");
            }
            for (String field : new String[] {"summary", "description"}) {
                if (operation.path(field).asText("").isBlank()) {
                    gaps.add(where + field + " missing");
                }
            }
            if (operation.path("tags").isEmpty()) {
                gaps.add(where + "no tag");
            }
            operation.path("tags").forEach(tag -> {
                if (!tags.contains(tag.asText())) {
                    gaps.add(where + "tag '" + tag.asText() + "' not defined in the document's tags");
                }
            });
            operation.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(scheme -> {
                if (!schemes.has(scheme)) {
                    gaps.add(where + "security scheme '" + scheme + "' not defined");
                }
            }));
            responses(where, operation.path("responses"), gaps);
        }));
        gaps.addAll(bodiesWithoutExample(document));
        assertThat(operationIds).as("operations in the document").isNotEmpty();
        assertThat(gaps).as("gaps in the OpenAPI document").isEmpty();
    }

    /**
     * The JSON bodies that have a schema, each request body and each success answer's, whose fields lack an example:
     * a body needs its own, its schema's, or one for each of its fields (followed through references, arrays and
     * compositions).
     */
    private static List<String> bodiesWithoutExample(JsonNode document) {
        List<String> gaps = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            String where = entry.getKey().toUpperCase() + " " + path.getKey() + ": no example for ";
            JsonNode operation = entry.getValue();
            withoutExample(document, operation.at("/requestBody/content"), "request body")
                    .forEach(field -> gaps.add(where + field));
            operation.path("responses").fields().forEachRemaining(answer -> {
                if (answer.getKey().startsWith("2")) {
                    withoutExample(document, answer.getValue().path("content"), answer.getKey() + " answer")
                            .forEach(field -> gaps.add(where + field));
                }
            });
        }));
        return gaps;
    }

    private static List<String> withoutExample(JsonNode document, JsonNode content, String body) {
        List<String> missing = new ArrayList<>();
        content.fields().forEachRemaining(media -> {
            JsonNode type = media.getValue();
            if (media.getKey().contains("json") && type.has("schema") && !type.has("example")
                    && !type.has("examples")) {
                missing.addAll(withoutExample(document, type.path("schema"), body, new HashSet<>()));
            }
        });
        return missing;
    }

    private static void responses(String where, JsonNode responses, List<String> gaps) {
        if (!responses.has("default")) {
            gaps.add(where + "no default (error) answer");
        }
        boolean success = false;
        for (var answers = responses.fields(); answers.hasNext();) {
            var answer = answers.next();
            String status = answer.getKey();
            success |= status.startsWith("2") || status.startsWith("3");
            boolean error = status.equals("default") || status.startsWith("4") || status.startsWith("5");
            if (error && !PROBLEM_SCHEMA.equals(answer.getValue().at("/content/" + PROBLEM.replace("/", "~1")
                    + "/schema/$ref").asText())) {
                gaps.add(where + status + " is not documented as a problem document (" + PROBLEM + ", Problem)");
            }
        }
        if (!success) {
            gaps.add(where + "no success answer");
        }
    }

    /** The fields of a schema (followed through $ref, arrays and compositions) that have no example. */
    private static List<String> withoutExample(JsonNode document, JsonNode schema, String field, Set<String> seen) {
        if (schema.has("example") || schema.has("examples") || schema.has("enum") || schema.has("const")) {
            return List.of();
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            return seen.add(ref) ? withoutExample(document, document.at(ref.substring(1)), field, seen) : List.of();
        }
        List<String> missing = new ArrayList<>();
        Set<String> own = new HashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(name -> own.add(field + "." + name));
        for (String composition : new String[] {"allOf", "oneOf", "anyOf"}) {
            // a property the schema states itself replaces the composed one, e.g. a Page's items
            schema.path(composition).forEach(part -> withoutExample(document, part, field, seen).stream()
                    .filter(gap -> own.stream().noneMatch(name -> gap.equals(name) || gap.startsWith(name + ".")
                            || gap.startsWith(name + "[")))
                    .forEach(missing::add));
        }
        if (schema.has("properties")) {
            schema.get("properties").fields().forEachRemaining(property -> missing.addAll(
                    withoutExample(document, property.getValue(), field + "." + property.getKey(), seen)));
        } else if (schema.has("items")) {
            missing.addAll(withoutExample(document, schema.get("items"), field + "[]", seen));
        } else if (missing.isEmpty() && !schema.has("allOf") && !schema.has("oneOf") && !schema.has("anyOf")) {
            missing.add(field);
        }
        return missing;
    }

    private static JsonNode openApi() {
        String body = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        try {
            return new ObjectMapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the OpenAPI document is not JSON", e);
        }
    }
}
