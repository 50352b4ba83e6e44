package org.urbaninvest.systemtests.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.urbaninvest.systemtests.support.RunningSuite.Service;

/** The services' REST APIs over loopback, as any client calls them: plain HTTP/1.1 and JSON. */
public final class Api {

    public static final ObjectMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final RunningSuite suite;
    /** The instance every call goes to, unless spread or the call names one. */
    private final int pinned;
    private final boolean spread;
    private final Map<Service, AtomicInteger> turns = new EnumMap<>(Service.class);

    Api(RunningSuite suite) {
        this(suite, 0, false);
    }

    private Api(RunningSuite suite, int pinned, boolean spread) {
        this.suite = suite;
        this.pinned = pinned;
        this.spread = spread;
        for (Service service : Service.values()) {
            turns.put(service, new AtomicInteger());
        }
    }

    /** The same API with every call sent to instance {@code k} of its service (instance 0 by default). */
    public Api on(int instance) {
        return new Api(suite, instance, false);
    }

    /**
     * The same API with the calls spread round-robin over the instances of each service: a call sent again (a
     * retry) goes to the next instance. Every POST carries an {@code Idempotency-Key}, the same one each time the
     * same call is sent.
     */
    public Api spreading() {
        return new Api(suite, 0, true);
    }

    private int instanceFor(Call call) {
        if (call.instance != null) {
            return call.instance;
        }
        if (!spread) {
            return pinned;
        }
        return Math.floorMod(turns.get(call.service).getAndIncrement(), suite.replicas(call.service));
    }

    public Reply get(Service service, String path, String token) {
        return send(new Call(service, "GET", path).token(token));
    }

    public Reply post(Service service, String path, String token, Object body) {
        return send(new Call(service, "POST", path).token(token).json(body));
    }

    public Reply put(Service service, String path, String token, String ifMatch, Object body) {
        Call call = new Call(service, "PUT", path).token(token).json(body);
        if (ifMatch != null) {
            call.header("If-Match", ifMatch);
        }
        return send(call);
    }

    public Reply send(Call call) {
        try {
            return trySend(call);
        } catch (IOException e) {
            throw new UncheckedIOException(call + " failed: " + e, e);
        }
    }

    /** Sends the call; an I/O failure (refused, reset, timed out) is thrown as is, for tests that expect one. */
    public Reply trySend(Call call) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.url(call.service, instanceFor(call))
                + call.path))
                .timeout(call.timeout)
                .method(call.method, call.body == null ? HttpRequest.BodyPublishers.noBody()
                        : call.chunked ? HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(call.body))
                        : HttpRequest.BodyPublishers.ofByteArray(call.body));
        if (spread && call.method.equals("POST")) {
            call.headers.putIfAbsent("Idempotency-Key", UUID.randomUUID().toString());
        }
        call.headers.forEach(request::header);
        try {
            long start = System.nanoTime();
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(call, response.statusCode(), response.headers().map(), response.body(),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static String write(Object value) {
        try {
            return value instanceof String text ? text : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + abbreviate(json), e);
        }
    }

    static String abbreviate(String text) {
        return text == null ? "null" : text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }

    /** One request: service, method, path (with query), headers and body. */
    public static final class Call {
        private final Service service;
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private boolean chunked;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Integer instance;

        public Call(Service service, String method, String path) {
            this.service = service;
            this.method = method;
            this.path = path;
        }

        public Call token(String token) {
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            return this;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A JSON body: a String is sent as it is, anything else is serialised. */
        public Call json(Object value) {
            return body("application/json", write(value).getBytes(StandardCharsets.UTF_8));
        }

        public Call body(String contentType, byte[] bytes) {
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            this.body = bytes;
            return this;
        }

        /** Sends the body without a Content-Length (chunked), as a streaming client does. */
        public Call chunked() {
            this.chunked = true;
            return this;
        }

        public Call timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Sends the call to instance {@code k} of its service, whatever the API's choice. */
        public Call instance(int instance) {
            this.instance = instance;
            return this;
        }

        public Service service() {
            return service;
        }

        public String method() {
            return method;
        }

        public String path() {
            return path;
        }

        @Override
        public String toString() {
            return method + " " + service.id() + path;
        }
    }

    /** An answer: status, headers and body (parsed as JSON on demand). */
    public record Reply(Call call, int status, Map<String, List<String>> headers, String body, Duration took) {

        public JsonNode json() {
            return parse(body);
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        /** Fails with the request and the answer unless the status is {@code expected}. */
        public Reply expect(int expected) {
            if (status != expected) {
                throw new AssertionError(call + " answered " + status + ", expected " + expected + ": "
                        + abbreviate(body));
            }
            return this;
        }

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return call + " → " + status + " " + abbreviate(body);
        }
    }
}
