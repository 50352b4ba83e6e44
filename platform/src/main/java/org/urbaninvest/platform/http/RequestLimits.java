package org.urbaninvest.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.urbaninvest.platform.problem.Problem;

/**
 * Refuses a request body before it is read: one without a {@code Content-Type} with 415 (nothing guesses what a
 * body is), a JSON body over {@code urbaninvest.http.max-json-body-size} with 413. The server-wide limit
 * ({@code quarkus.http.limits.max-body-size}) is larger because CSV imports are large.
 * <p>
 * Over HTTP/1.x, a JSON body of a declared length within the limit is then read whole on the I/O thread before the
 * request goes on: RESTEasy Reactive otherwise reads the body of a blocking endpoint (every endpoint that writes)
 * through a blocking stream on its worker thread, each chunk handed over from the I/O thread under the connection's
 * lock, which cost a fifth of investment-service's CPU per agreement (docs/benchmarks.md). Only JSON is read ahead:
 * a CSV body still streams, and any other type goes on unread to be refused by the endpoint (415).
 */
@ApplicationScoped
public class RequestLimits {

    @ConfigProperty(name = "urbaninvest.http.max-json-body-size", defaultValue = "1M")
    MemorySize maxJsonBodySize;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        BodyHandler wholeBody = BodyHandler.create(false).setBodyLimit(maxJsonBodySize.asLongValue());
        router.route("/api/*").order(-1000).handler(context -> checkBody(context, wholeBody));
    }

    private void checkBody(RoutingContext context, BodyHandler wholeBody) {
        HttpServerRequest request = context.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null && hasBody(request, length)) {
            refuse(context, 415, "Unsupported Media Type",
                    "a request body needs a Content-Type: application/json (text/csv for an import)");
            return;
        }
        boolean csv = type != null && type.toLowerCase().startsWith("text/csv");
        if (length != null && !csv && tooLarge(length)) {
            refuse(context, 413, "Payload too large",
                    "request body exceeds " + maxJsonBodySize.asLongValue() + " bytes");
            return;
        }
        // HTTP/1.x only: over HTTP/2 RESTEasy Reactive pauses the request when it takes it, which fails once the
        // stream has ended (Http2ServerRequest: "Request has already been read"), so there the body still streams
        if (length != null && isJson(type) && request.version() != HttpVersion.HTTP_2 && hasBody(request, length)) {
            wholeBody.handle(context); // goes on once the body is read
            return;
        }
        context.next();
    }

    /** {@code application/json} or a {@code +json} type such as {@code application/merge-patch+json}. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase();
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static boolean hasBody(HttpServerRequest request, String length) {
        if (length != null) {
            return !length.trim().equals("0");
        }
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** Answers with a problem and closes the connection: the unread body is never consumed. */
    private void refuse(RoutingContext context, int status, String title, String detail) {
        Problem problem = new Problem(Problem.type(status), title, status, detail,
                context.request().path(), null, null);
        try {
            context.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(status);
        }
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxJsonBodySize.asLongValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
