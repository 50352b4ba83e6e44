package org.urbaninvest.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document, the body of every error answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = Problem.SCHEMA, description = "An RFC 9457 problem document: the body of every error answer")
public record Problem(
        @Schema(description = "the problem type, one per HTTP status", example = "https://urbaninvest.org/problems/400",
                required = true) String type,
        @Schema(description = "the HTTP reason, or a short summary", example = "Invalid input", required = true)
        String title,
        @Schema(description = "the HTTP status of the answer", example = "400", required = true) int status,
        @Schema(description = "what went wrong, for a person", example = "1 field is invalid") String detail,
        @Schema(description = "the path of the request", example = "/api/v1/projects") String instance,
        @Schema(description = "every invalid field, when the input was refused") List<FieldError> errors,
        @Schema(description = "the errors of each refused line of an uploaded file") List<LineErrors> lines) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The name of the problem document's schema in the OpenAPI documents. */
    public static final String SCHEMA = "Problem";

    /** Where the problem types live: one per HTTP status, {@code <base><status>}. */
    public static final String TYPE_BASE = "https://urbaninvest.org/problems/";

    /** The problem type URI of an answer with this status. */
    public static String type(int status) {
        return TYPE_BASE + status;
    }

    /** One invalid field: {@code field} is a JSON path such as {@code estimatedInvestment.amount}. */
    @Schema(name = "ProblemFieldError", description = "one invalid field")
    public record FieldError(
            @Schema(description = "a JSON path into the request", example = "estimatedInvestment.amount",
                    required = true) String field,
            @Schema(description = "what is wrong with it", example = "must be greater than 0", required = true)
            String message) {
    }

    /** The errors of one line of an uploaded file, lines counted from 1 with the header included. */
    @Schema(name = "ProblemLineErrors", description = "the errors of one line of an uploaded file")
    public record LineErrors(
            @Schema(description = "the line, counted from 1 with the header included", example = "7", required = true)
            long line,
            @Schema(required = true) List<FieldError> errors) {
    }
}
