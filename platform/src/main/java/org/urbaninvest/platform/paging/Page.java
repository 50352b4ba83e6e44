package org.urbaninvest.platform.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;
import org.urbaninvest.platform.problem.ProblemException;

/** One page of a list, as every UrbanInvest list answers: {@code {"items": [...], "page": 0, "size": 50, "total": 123}}. */
public record Page<T>(List<T> items,
        @Schema(description = "the page number, from 0", example = "0") int page,
        @Schema(description = "the page size asked for (1 to 500)", example = "50") int size,
        @Schema(description = "how many items match, on every page", example = "123") long total) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** The same page with each item mapped, e.g. entities to their representations. */
    public <R> Page<R> map(Function<T, R> item) {
        return new Page<>(items.stream().map(item).toList(), page, size, total);
    }

    /** Refuses a page number below 0 or a size outside 1..500 with a 400 naming the parameter. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw ProblemException.badRequest("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.badRequest("size", "must be between 1 and " + MAX_SIZE);
        }
    }
}
