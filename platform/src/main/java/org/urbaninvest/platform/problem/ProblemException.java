package org.urbaninvest.platform.problem;

import java.util.List;

/**
 * A refusal with its HTTP status, turned into problem+json by {@link ProblemMapper}. Services throw the
 * factory methods' results; each status of the API conventions has one.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final List<Problem.LineErrors> lines;
    private final Integer retryAfterSeconds;

    protected ProblemException(int status, String title, String detail, List<Problem.FieldError> errors,
            List<Problem.LineErrors> lines, Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = errors;
        this.lines = lines;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ProblemException badRequest(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(400, "Invalid input", detail, errors, null, null);
    }

    public static ProblemException badRequest(String field, String message) {
        return badRequest(field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    /** Allowed by the token's role, but not for this item (e.g. outside the zones of the token). */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, null, null, null);
    }

    /** A file refused because some of its lines lie outside the zones of the token. */
    public static ProblemException forbiddenLines(String detail, List<Problem.LineErrors> lines) {
        return new ProblemException(403, "Forbidden", detail, null, lines, null);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, null, null, null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, null, null, null);
    }

    /** A conflict that passes by itself, such as a request still in progress: worth retrying after a while. */
    public static ProblemException conflict(String detail, int retryAfterSeconds) {
        return new ProblemException(409, "Conflict", detail, null, null, retryAfterSeconds);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "Precondition failed", detail, null, null, null);
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(428, "Precondition required", detail, null, null, null);
    }

    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(422, "Unprocessable reference", field + ": " + message,
                List.of(new Problem.FieldError(field, message)), null, null);
    }

    /** Well-formed content that cannot be processed as sent, e.g. a key already used for another request. */
    public static ProblemException unprocessableContent(String field, String message) {
        return new ProblemException(422, "Unprocessable content", field + ": " + message,
                List.of(new Problem.FieldError(field, message)), null, null);
    }

    public static ProblemException unprocessableLines(String detail, List<Problem.LineErrors> lines) {
        return new ProblemException(422, "Unprocessable content", detail, null, lines, null);
    }

    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(503, "Service unavailable", detail, null, null, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public List<Problem.LineErrors> lines() {
        return lines;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
