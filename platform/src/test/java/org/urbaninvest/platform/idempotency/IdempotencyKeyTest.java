package org.urbaninvest.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.urbaninvest.platform.problem.ProblemException;

class IdempotencyKeyTest {

    @Test
    void aStructuredFieldStringAndItsPlainTextAreOneKey() {
        assertThat(IdempotencyKey.parse("ann", "\"8e03978e-40d5\"")).isEqualTo(IdempotencyKey.parse("ann", "8e03978e-40d5"));
        assertThat(IdempotencyKey.parse("ann", "\"a\\\"b\\\\c\"").value()).isEqualTo("a\"b\\c");
        assertThat(IdempotencyKey.parse("ann", "  k-1  ").value()).isEqualTo("k-1");
    }

    @Test
    void emptyLongOrNonAsciiKeysAreRefused() {
        for (String header : new String[] {"", "\"\"", "x".repeat(256), "clé", "a\u0007b"}) {
            assertThatThrownBy(() -> IdempotencyKey.parse("ann", header)).as(header)
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
        assertThat(IdempotencyKey.parse("ann", "x".repeat(255)).value()).hasSize(255);
    }

    @Test
    void theLockDependsOnTheCallerAndTheKey() {
        assertThat(new IdempotencyKey("ann", "k").lockId()).isEqualTo(new IdempotencyKey("ann", "k").lockId())
                .isNotEqualTo(new IdempotencyKey("bob", "k").lockId())
                .isNotEqualTo(new IdempotencyKey("ann", "k2").lockId());
    }

    @Test
    void resourcePathsAreSpelledAsInTheDocument() {
        assertThat(IdempotencyOpenApi.normalise("/api/v1/agreements/" + "/{id}/sign")).isEqualTo("/api/v1/agreements/{id}/sign");
        assertThat(IdempotencyOpenApi.normalise("api/v1/projects/{code: [a-z0-9-]+}/status/"))
                .isEqualTo("/api/v1/projects/{code}/status");
        assertThat(IdempotencyOpenApi.normalise("/api/v1/zones/")).isEqualTo("/api/v1/zones");
    }
}
