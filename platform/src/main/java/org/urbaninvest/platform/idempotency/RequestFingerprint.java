package org.urbaninvest.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.interceptor.InvocationContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What makes two requests "the same" for a key: the method, the path with its query, and the body. A JSON body is
 * hashed as the resource received it (the request object written back as JSON), so spacing or the order of a
 * map's keys do not matter; a streamed body (a CSV import) is hashed byte for byte as the resource reads it.
 */
final class RequestFingerprint {

    private static final byte SEPARATOR = '\n';

    private final MessageDigest digest = sha256();
    private final List<DigestInputStream> streams = new ArrayList<>();

    /**
     * Starts the fingerprint of a call; a streamed body is replaced in the call's parameters by a stream that hashes
     * what passes through it, so the resource still reads it once.
     */
    static RequestFingerprint of(String method, String uri, InvocationContext call, ObjectMapper json) {
        ObjectWriter canonicalJson = json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        RequestFingerprint fingerprint = new RequestFingerprint();
        fingerprint.add(method.getBytes(StandardCharsets.UTF_8));
        fingerprint.add(uri.getBytes(StandardCharsets.UTF_8));
        Object[] arguments = call.getParameters();
        Parameter[] parameters = call.getMethod().getParameters();
        boolean streamed = false;
        for (int i = 0; i < parameters.length; i++) {
            if (!isBody(parameters[i]) || arguments[i] == null) {
                continue;
            }
            if (arguments[i] instanceof InputStream body) {
                DigestInputStream hashing = new DigestInputStream(body, sha256());
                fingerprint.streams.add(hashing);
                arguments[i] = new FilterInputStream(hashing) {
                    @Override
                    public void close() {
                        // a reader that closes the body when done must not keep the rest from the fingerprint
                    }
                };
                streamed = true;
            } else {
                fingerprint.add(json(canonicalJson, arguments[i]));
            }
        }
        if (streamed) {
            call.setParameters(arguments);
        }
        return fingerprint;
    }

    /** The fingerprint as hex; reads what the resource left unread of a streamed body. */
    String value() {
        byte[] rest = new byte[8192];
        for (DigestInputStream stream : streams) {
            try (stream) {
                while (stream.read(rest) >= 0) {
                    // the digest sees every byte read
                }
            } catch (IOException e) {
                throw new UncheckedIOException("request body could not be read", e);
            }
            add(stream.getMessageDigest().digest());
        }
        streams.clear();
        return HexFormat.of().formatHex(digest.digest());
    }

    private void add(byte[] part) {
        digest.update(part);
        digest.update(SEPARATOR);
    }

    /**
     * The request entity, as JAX-RS defines it: a parameter with no JAX-RS annotation whose type is not one the
     * runtime injects ({@code UriInfo}, {@code HttpHeaders}, Vert.x request…).
     */
    static boolean isBody(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            String name = annotation.annotationType().getName();
            if (name.startsWith("jakarta.ws.rs.") || name.startsWith("org.jboss.resteasy.reactive.")) {
                return false;
            }
        }
        String type = parameter.getType().getName();
        return !type.startsWith("jakarta.ws.rs.") && !type.startsWith("io.vertx.")
                && !type.startsWith("org.jboss.resteasy.reactive.");
    }

    private static byte[] json(ObjectWriter canonicalJson, Object body) {
        try {
            return canonicalJson.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request body cannot be written as JSON for its fingerprint", e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
