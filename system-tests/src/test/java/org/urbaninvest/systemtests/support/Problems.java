package org.urbaninvest.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.regex.Pattern;

/** What every refusal must look like (SYSTEM.md §3): RFC 9457 problem+json, its status, nothing internal. */
public final class Problems {

    public static final Set<String> FIELDS = Set.of("type", "title", "status", "detail", "instance", "errors",
            "lines");
    /** Traces of the inside: a stack frame, an exception class, a driver's or a framework's package. */
    private static final Pattern INTERNALS = Pattern.compile(
            "(\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\()|(\\.java:\\d+)|(Caused by)|(Exception\\b)|(\\bjava\\.)"
                    + "|(org\\.(hibernate|postgresql|jboss|urbaninvest))|(io\\.(quarkus|vertx|smallrye))"
                    + "|(com\\.fasterxml)|(SQLState)|(PSQL)|(ERROR: )",
            Pattern.CASE_INSENSITIVE);

    private Problems() {
    }

    /** Fails unless the answer is a problem document with the answer's status and no internals in it. */
    public static JsonNode assertProblem(Api.Reply reply) {
        assertThat(reply.contentType()).as("content type of %s", reply).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.isObject()).as("problem document of %s", reply).isTrue();
        assertThat(problem.path("status").asInt()).as("status in the problem of %s", reply)
                .isEqualTo(reply.status());
        assertThat(problem.path("title").asText()).as("title of %s", reply).isNotBlank();
        problem.fieldNames().forEachRemaining(name -> assertThat(FIELDS).as("field %s of %s", name, reply)
                .contains(name));
        assertNoInternals(reply);
        return problem;
    }

    public static void assertNoInternals(Api.Reply reply) {
        assertThat(INTERNALS.matcher(reply.body() == null ? "" : reply.body()).find())
                .as("no stack trace or internal name in %s", reply).isFalse();
    }
}
