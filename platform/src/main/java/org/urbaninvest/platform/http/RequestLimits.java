package org.urbaninvest.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.urbaninvest.platform.problem.Problem;

/**
 * Refuses a JSON body over {@code urbaninvest.http.max-json-body-size} with 413 before it is read. The
 * server-wide limit ({@code quarkus.http.limits.max-body-size}) is larger because CSV imports are large.
 */
@ApplicationScoped
public class RequestLimits {

    @ConfigProperty(name = "urbaninvest.http.max-json-body-size", defaultValue = "1M")
    MemorySize maxJsonBodySize;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route("/api/*").order(-1000).handler(this::checkBodySize);
    }

    private void checkBodySize(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        boolean csv = type != null && type.toLowerCase().startsWith("text/csv");
        if (length != null && !csv && tooLarge(length)) {
            Problem problem = new Problem("https://urbaninvest.org/problems/413", "Payload too large", 413,
                    "request body exceeds " + maxJsonBodySize.asLongValue() + " bytes", context.request().path(),
                    null, null);
            try {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(json.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                context.fail(413);
            }
            return;
        }
        context.next();
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxJsonBodySize.asLongValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
