package org.urbaninvest.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become answers: every refusal is an RFC 9457 problem document, bad input is
 * a 4xx listing every invalid field, and nothing internal (stack traces, SQL) ever reaches a client.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    @Inject
    UniqueKeys uniqueKeys;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder answer = respond(new Problem(Problem.type(e.status()), e.title(), e.status(), e.getMessage(),
                path(uri), e.errors(), e.lines()));
        if (e.retryAfterSeconds() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(violation), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        return respond(new Problem(Problem.type(400), "Invalid input", 400,
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid",
                path(uri), errors, null)).build();
    }

    /** Registered for the subtype too, because the JSON extension has a built-in mapper for it. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        Problem.FieldError error = JsonMessages.error(e);
        return respond(new Problem(Problem.type(400), "Malformed request body", 400,
                error.field() + " " + error.message(), path(uri), List.of(error), null)).build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorizedAnswer(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorizedAnswer(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.type(403), "Forbidden", 403,
                "your role does not allow this operation", path(uri), null, null)).build();
    }

    @ServerExceptionMapper
    public Response staleVersion(OptimisticLockException e, UriInfo uri) {
        return concurrentChange(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return concurrentChange(uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && e.getCause() instanceof IllegalArgumentException conversion) {
            // JAX-RS answers 404 when a path or query parameter cannot be converted; it is bad input
            return respond(new Problem(Problem.type(400), "Invalid input", 400,
                    "a parameter has an invalid value: " + conversion.getMessage(), path(uri),
                    List.of(new Problem.FieldError("parameter", "has an invalid value")), null)).build();
        }
        if (status >= 500) {
            LOG.error("request failed", e);
            return internal(uri);
        }
        String detail = switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 406 -> "cannot produce the requested media type";
            case 413 -> "request body too large";
            case 415 -> "unsupported content type for this resource";
            default -> e.getMessage();
        };
        Response.ResponseBuilder answer = respond(new Problem(Problem.type(status), reason(status), status, detail,
                path(uri), null, null));
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            answer.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return answer.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (TransientFailures.isUniqueViolation(e)) {
            String constraint = TransientFailures.violatedConstraint(e);
            UniqueKeys.Key key = constraint == null ? null : uniqueKeys.byConstraint().get(constraint);
            String detail = key == null ? "a resource with the same key was stored concurrently" : key.detail();
            List<Problem.FieldError> errors = key == null ? null : List.of(new Problem.FieldError(key.field(), detail));
            return respond(new Problem(Problem.type(409), "Conflict", 409, detail, path(uri), errors, null)).build();
        }
        if (TransientFailures.isTransient(e)) {
            LOG.warnf("database unavailable: %s", e.getMessage());
            return respond(new Problem(Problem.type(503), "Service unavailable", 503,
                    "the database is unavailable; try again shortly", path(uri), null, null))
                    .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS).build();
        }
        LOG.error("request failed", e);
        return internal(uri);
    }

    private Response internal(UriInfo uri) {
        return respond(new Problem(Problem.type(500), "Internal error", 500,
                "the request could not be completed; it has been logged", path(uri), null, null)).build();
    }

    private Response concurrentChange(UriInfo uri) {
        return respond(new Problem(Problem.type(409), "Conflict", 409,
                "the resource was changed concurrently; read it again and retry", path(uri), null, null)).build();
    }

    private Response unauthorizedAnswer(UriInfo uri) {
        return respond(new Problem(Problem.type(401), "Unauthorized", 401, "a valid bearer token is required",
                path(uri), null, null)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /**
     * The field of a violation; a query or path parameter with a scalar value ({@code list.size}) is named by the
     * parameter, a request body by its properties.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        String field = fieldOf(violation.getPropertyPath());
        if (!"body".equals(field) || !isScalar(violation.getInvalidValue())) {
            return field;
        }
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            parameter = node.getKind() == ElementKind.PARAMETER ? node.getName() : parameter;
        }
        return parameter != null ? parameter : field;
    }

    private static boolean isScalar(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof java.time.temporal.Temporal;
    }

    /** {@code create.request.categories[0].declared.projectCount} → {@code categories[0].declared.projectCount}. */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.PARAMETER || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.RETURN_VALUE || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (kind == ElementKind.PROPERTY && node.getName() != null) {
                field.append(field.length() > 0 ? "." : "").append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }
}
