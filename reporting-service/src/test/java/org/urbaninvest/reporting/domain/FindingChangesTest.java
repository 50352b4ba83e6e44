package org.urbaninvest.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Compared with the keys last published, only the cleared findings are looked up, and only when there are some. */
class FindingChangesTest {

    private static final LocalDate DAY = LocalDate.parse("2024-06-01");

    @Test
    void raisedAreTheNewKeysAndClearedAreLookedUpByTheKeysThatWent() {
        List<Finding> published = findings(0, 5);
        List<Finding> current = findings(3, 8); // 0–2 cleared, 3–4 kept, 5–7 raised
        List<List<String>> lookedUp = new ArrayList<>();
        FindingChanges changes = FindingChanges.between(keys(published), current, gone -> {
            lookedUp.add(gone);
            return published.stream().filter(f -> gone.contains(f.key())).toList();
        });
        assertThat(changes.raised()).containsExactlyElementsOf(current.subList(2, 5));
        assertThat(changes.cleared()).containsExactlyElementsOf(published.subList(0, 3));
        assertThat(lookedUp).containsExactly(List.of("rule/a-0", "rule/a-1", "rule/a-2"));
        assertThat(changes.none()).isFalse();
    }

    @Test
    void nothingIsLookedUpWhenNothingWasCleared() {
        List<Finding> current = findings(0, 3);
        FindingChanges changes = FindingChanges.between(keys(current), current, gone -> {
            throw new AssertionError("looked up " + gone);
        });
        assertThat(changes.none()).isTrue();
    }

    private static List<Finding> findings(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> new Finding("rule", "warning",
                Finding.Subject.agreement("a-" + i), "caijia", DAY, "detail " + i, "rule/a-" + i)).toList();
    }

    private static Set<String> keys(List<Finding> findings) {
        return findings.stream().map(Finding::key).collect(Collectors.toSet());
    }
}
