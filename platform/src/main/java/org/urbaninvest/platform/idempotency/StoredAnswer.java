package org.urbaninvest.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first answer to a keyed request, as it is stored: status, the headers the resource set ({@code Location},
 * {@code ETag}) and the body as JSON text. Replayed, it is the same answer again.
 */
record StoredAnswer(int status, Map<String, List<String>> headers, String body) {

    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    /** What a resource method returned: a {@code Response}, or a value that JAX-RS answers with 200 (204 if none). */
    static StoredAnswer of(Object result, ObjectMapper json) {
        if (result instanceof Response response) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            response.getStringHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            return new StoredAnswer(response.getStatus(), headers, response.hasEntity() ? text(response.getEntity(), json)
                    : null);
        }
        return new StoredAnswer(result == null ? 204 : 200, Map.of(), result == null ? null : text(result, json));
    }

    /** The answer in the shape the method returns, so that JAX-RS writes it as it wrote the first one. */
    Object replay(Method method, ObjectMapper json) {
        if (method.getReturnType() != Response.class) {
            return body == null ? null : read(method, json);
        }
        Response.ResponseBuilder answer = Response.status(status);
        headers.forEach((name, values) -> values.forEach(value -> {
            if (HttpHeaders.LOCATION.equalsIgnoreCase(name)) {
                answer.location(URI.create(value));
            } else {
                answer.header(name, value);
            }
        }));
        if (body != null) {
            answer.entity(body);
            if (headers.keySet().stream().noneMatch(HttpHeaders.CONTENT_TYPE::equalsIgnoreCase)) {
                answer.type(JSON); // as the JSON writer labels what it writes
            }
        }
        return answer.build();
    }

    boolean successful() {
        return status < 400;
    }

    private Object read(Method method, ObjectMapper json) {
        try {
            return json.readValue(body, json.constructType(method.getGenericReturnType()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer no longer reads as " + method.getGenericReturnType(), e);
        }
    }

    private static String text(Object entity, ObjectMapper json) {
        if (entity instanceof String text) {
            return text;
        }
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer cannot be stored as JSON", e);
        }
    }
}
