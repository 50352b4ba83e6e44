package org.urbaninvest.systemtests.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.urbaninvest.systemtests.support.RunningSuite.Service;

/** The API endpoints each service declares in its OpenAPI document ({@code /q/openapi}), so new ones are seen. */
public final class Endpoints {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final String OPEN_PREFIX = "/api/v1/schemas/";

    /** One operation: service, HTTP method, path template (e.g. {@code /api/v1/zones/{code}}), request types. */
    public record Endpoint(Service service, String method, String path, List<String> consumes,
            List<String> queryParameters) {

        public boolean isRead() {
            return method.equals("GET");
        }

        /** The event schemas (named by {@code ce_dataschema}): open to anyone, they carry no data. */
        public boolean isOpen() {
            return method.equals("GET") && path.startsWith(OPEN_PREFIX);
        }

        public boolean isAdmin() {
            return path.startsWith("/api/v1/admin/") || path.equals("/api/v1/admin");
        }

        /** The first media type the endpoint reads, or null when it takes no body. */
        public String contentType() {
            return consumes.isEmpty() ? null : consumes.get(0);
        }

        /** The path with its parameters filled in from {@code values} (by the segment before the parameter). */
        public String path(Map<String, String> values) {
            String[] segments = path.split("/");
            StringBuilder filled = new StringBuilder();
            for (int i = 1; i < segments.length; i++) {
                String segment = segments[i];
                if (segment.startsWith("{")) {
                    String value = values.get(segments[i - 1]);
                    segment = value != null ? value : "unknown-" + segment.replaceAll("[{}]", "");
                }
                filled.append('/').append(segment);
            }
            return filled.toString();
        }

        @Override
        public String toString() {
            return service.id() + " " + method + " " + path;
        }
    }

    private Endpoints() {
    }

    /** Every {@code /api/} operation of the three services, read (without a token) from their OpenAPI documents. */
    public static List<Endpoint> of(RunningSuite suite) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Service service : Service.values()) {
            JsonNode document = suite.api().send(new Api.Call(service, "GET", "/q/openapi?format=json")
                    .header("Accept", "application/json")).expect(200).json();
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                if (!path.getKey().startsWith("/api/")) {
                    continue;
                }
                for (String method : METHODS) {
                    JsonNode operation = path.getValue().get(method);
                    if (operation != null) {
                        List<String> consumes = new ArrayList<>();
                        operation.path("requestBody").path("content").fieldNames().forEachRemaining(consumes::add);
                        List<String> query = new ArrayList<>();
                        for (JsonNode parameter : operation.path("parameters")) {
                            if (parameter.path("in").asText().equals("query")) {
                                query.add(parameter.path("name").asText());
                            }
                        }
                        endpoints.add(new Endpoint(service, method.toUpperCase(), path.getKey(), consumes, query));
                    }
                }
            }
        }
        return endpoints;
    }
}
