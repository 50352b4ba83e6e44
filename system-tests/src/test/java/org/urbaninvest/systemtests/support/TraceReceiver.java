package org.urbaninvest.systemtests.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace collector for the system tests: the services export their spans to it
 * ({@code POST /v1/traces}, protobuf), and it keeps those of the traces a test {@linkplain #newTrace started}.
 * The suite samples only traces whose caller asked for it (a sampled {@code traceparent}), so nothing else is
 * exported.
 */
public final class TraceReceiver implements AutoCloseable {

    /** One span as exported: the service that recorded it, its ids, kind and name. */
    public record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId,
            io.opentelemetry.proto.trace.v1.Span.SpanKind kind, String name) {
    }

    private final HttpServer server;
    private final Map<String, List<ReceivedSpan>> traces = new ConcurrentHashMap<>();

    private TraceReceiver(HttpServer server) {
        this.server = server;
    }

    /** Listens on a free loopback port. */
    public static TraceReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TraceReceiver receiver = new TraceReceiver(server);
            server.createContext("/v1/traces", receiver::export);
            server.setExecutor(Executors.newFixedThreadPool(2, task -> {
                Thread thread = new Thread(task, "otlp-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the services' {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} is (OTLP/HTTP: they post to /v1/traces). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A new trace id whose spans are kept; send {@link #traceparent} with the request that starts it. */
    public String newTrace() {
        String traceId = HexFormat.of().formatHex(randomId(16));
        traces.put(traceId, new CopyOnWriteArrayList<>());
        return traceId;
    }

    /** A W3C traceparent for a request in {@code traceId}, sampled: the services record and export the trace. */
    public static String traceparent(String traceId) {
        return "00-" + traceId + "-" + HexFormat.of().formatHex(randomId(8)) + "-01";
    }

    /** The spans of a trace received so far. */
    public List<ReceivedSpan> spans(String traceId) {
        return List.copyOf(traces.getOrDefault(traceId, List.of()));
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = attribute(resource.getResource().getAttributesList(), "service.name");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
                        String traceId = HexFormat.of().formatHex(span.getTraceId().toByteArray());
                        List<ReceivedSpan> kept = traces.get(traceId);
                        if (kept != null) {
                            kept.add(new ReceivedSpan(service, traceId,
                                    HexFormat.of().formatHex(span.getSpanId().toByteArray()),
                                    HexFormat.of().formatHex(span.getParentSpanId().toByteArray()),
                                    span.getKind(), span.getName()));
                        }
                    }
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private static String attribute(List<KeyValue> attributes, String key) {
        return attributes.stream().filter(a -> a.getKey().equals(key)).map(a -> a.getValue().getStringValue())
                .findFirst().orElse(null);
    }

    private static byte[] randomId(int bytes) {
        byte[] id = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(id);
        id[0] |= 1; // never all zeros, which is invalid
        return id;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
