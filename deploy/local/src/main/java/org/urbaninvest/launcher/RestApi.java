package org.urbaninvest.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's public REST API, called with a bearer token. A call that cannot connect, or that is answered 503
 * (a service waiting for its database), is tried again for a while before it fails.
 */
final class RestApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RETRY_FOR = Duration.ofSeconds(60);

    private final HttpClient http;
    private final String baseUrl;
    private final String token;

    RestApi(HttpClient http, String baseUrl, String token) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    record Response(int status, JsonNode body) {

        boolean created() {
            return status == 201;
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The problem's detail and field errors, for a message. */
        String problem() {
            StringBuilder text = new StringBuilder(Integer.toString(status));
            if (body.hasNonNull("detail")) {
                text.append(' ').append(body.get("detail").asText());
            } else if (body.hasNonNull("title")) {
                text.append(' ').append(body.get("title").asText());
            }
            body.path("errors").forEach(error -> text.append("; ").append(error.path("field").asText())
                    .append(": ").append(error.path("message").asText()));
            return text.toString();
        }
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, JsonNode body) {
        return send("POST", path, body);
    }

    /** Every item of a paged collection ({@code items}, {@code total}), 500 at a time. */
    List<JsonNode> all(String path) {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            Response response = get(path + separator + "page=" + page + "&size=500");
            if (!response.ok()) {
                throw new IllegalStateException("GET " + path + ": " + response.problem());
            }
            response.body().path("items").forEach(items::add);
            long total = response.body().path("total").asLong();
            if (response.body().path("items").isEmpty() || items.size() >= total) {
                return items;
            }
        }
    }

    private Response send(String method, String path, JsonNode body) {
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        while (true) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json");
                if (body == null) {
                    request.method(method, HttpRequest.BodyPublishers.noBody());
                } else {
                    request.header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 503 && System.nanoTime() < deadline) {
                    pause();
                    continue;
                }
                String text = response.body();
                JsonNode json = text == null || text.isBlank() ? MissingNode.getInstance() : parse(text);
                return new Response(response.statusCode(), json);
            } catch (IOException e) {
                if (System.nanoTime() >= deadline) {
                    throw new IllegalStateException(method + " " + baseUrl + path + " failed: " + e, e);
                }
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
