package org.urbaninvest.reporting;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.urbaninvest.testsupport.Tokens;

/** Reads the reports as a viewer; numbers keep their decimal text (0.7027 stays 0.7027, 1.0000 stays 1.0000). */
final class Api {

    static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    private Api() {
    }

    static Response get(String path) {
        return given().auth().oauth2(Tokens.viewer()).accept("application/json").when().get(path);
    }

    static JsonNode json(String path) {
        Response response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.asString());
        }
        return parse(response.asString());
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (bounded) until GET {@code path} answers 200 with a body satisfying {@code until}. */
    static JsonNode await(String path, Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response response = get(path);
            if (response.statusCode() != 200) {
                return false;
            }
            last[0] = parse(response.asString());
            return until.test(last[0]);
        });
        return last[0];
    }

    /** Waits (bounded) until GET {@code path} answers 200 with a body passing {@code assertions}. */
    static JsonNode awaitAsserted(String path, java.util.function.Consumer<JsonNode> assertions) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            last[0] = json(path);
            assertions.accept(last[0]);
        });
        return last[0];
    }

    static JsonNode awaitZone(String code) {
        return await("/api/v1/reports/zones/" + code, report -> true);
    }

    /** The text of a JSON value: a string's content, or a number's or null's JSON text. */
    static String text(JsonNode report, String pointer) {
        JsonNode node = report.at(pointer);
        if (node.isMissingNode()) {
            throw new AssertionError("no " + pointer + " in " + report);
        }
        return node.isTextual() ? node.asText() : node.toString();
    }
}
