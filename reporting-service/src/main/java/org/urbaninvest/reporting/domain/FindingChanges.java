package org.urbaninvest.reporting.domain;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a zone's findings moved between two evaluations, finding by {@linkplain Finding#key() key}: {@code raised}
 * are in the new set only, {@code cleared} in the previous one only. A finding in both is neither, even when its
 * detail (which counts days) or its figures changed.
 */
public record FindingChanges(List<Finding> raised, List<Finding> cleared) {

    public static FindingChanges between(List<Finding> previous, List<Finding> current) {
        Set<String> before = previous.stream().map(Finding::key).collect(Collectors.toSet());
        return between(before, current, gone -> {
            Set<String> goneKeys = Set.copyOf(gone);
            return previous.stream().filter(f -> goneKeys.contains(f.key())).toList();
        });
    }

    /**
     * The changes from the findings last published, known by their keys ({@code previousKeys}), to {@code current}:
     * the cleared ones are looked up by key ({@code previous}), the unchanged ones never read.
     */
    public static FindingChanges between(Set<String> previousKeys, List<Finding> current,
            Function<List<String>, List<Finding>> previous) {
        Set<String> now = current.stream().map(Finding::key).collect(Collectors.toSet());
        List<String> gone = previousKeys.stream().filter(key -> !now.contains(key)).sorted().toList();
        return new FindingChanges(current.stream().filter(f -> !previousKeys.contains(f.key())).toList(),
                gone.isEmpty() ? List.of() : previous.apply(gone));
    }

    public boolean none() {
        return raised.isEmpty() && cleared.isEmpty();
    }
}
