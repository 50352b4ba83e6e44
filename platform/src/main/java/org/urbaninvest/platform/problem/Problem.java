package org.urbaninvest.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem document, the body of every error answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors, List<LineErrors> lines) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Where the problem types live: one per HTTP status, {@code <base><status>}. */
    public static final String TYPE_BASE = "https://urbaninvest.org/problems/";

    /** The problem type URI of an answer with this status. */
    public static String type(int status) {
        return TYPE_BASE + status;
    }

    /** One invalid field: {@code field} is a JSON path such as {@code estimatedInvestment.amount}. */
    public record FieldError(String field, String message) {
    }

    /** The errors of one line of an uploaded file, lines counted from 1 with the header included. */
    public record LineErrors(long line, List<FieldError> errors) {
    }
}
