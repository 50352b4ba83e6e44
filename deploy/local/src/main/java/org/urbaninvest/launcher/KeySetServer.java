package org.urbaninvest.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the suite's {@code jwks.json} to the services over HTTP on 127.0.0.1 (a port the system chooses), read
 * from the file at every request. The services fetch a JWK Set named by an http(s) URL again when the answer's
 * {@code Cache-Control: max-age} has passed ({@value #MAX_AGE_SECONDS} s), so a key added to or removed from the
 * file counts within that time, without a restart. (A JWK Set read from a file is read once, at start.)
 */
public final class KeySetServer implements AutoCloseable {

    public static final int MAX_AGE_SECONDS = 1;
    /** How long after a change of the file every service has read it: the cache time and its clock's slack. */
    public static final Duration PROPAGATION = Duration.ofSeconds(MAX_AGE_SECONDS * 2L + 1);

    private final HttpServer server;
    private final ExecutorService executor;

    private KeySetServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static KeySetServer start(Path jwks) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.createContext("/jwks.json", exchange -> answer(exchange, jwks));
            ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "urbaninvest-jwks");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            server.start();
            return new KeySetServer(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve " + jwks, e);
        }
    }

    /** The URL the services read the key set from ({@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    private static void answer(HttpExchange exchange, Path jwks) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = Files.readAllBytes(jwks);
            exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
            exchange.getResponseHeaders().set("Cache-Control", "max-age=" + MAX_AGE_SECONDS);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
