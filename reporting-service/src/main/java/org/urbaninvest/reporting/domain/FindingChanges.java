package org.urbaninvest.reporting.domain;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a zone's findings moved between two evaluations, finding by {@linkplain Finding#key() key}: {@code raised}
 * are in the new set only, {@code cleared} in the previous one only. A finding in both is neither, even when its
 * detail (which counts days) or its figures changed.
 */
public record FindingChanges(List<Finding> raised, List<Finding> cleared) {

    public static FindingChanges between(List<Finding> previous, List<Finding> current) {
        Set<String> before = previous.stream().map(Finding::key).collect(Collectors.toSet());
        Set<String> now = current.stream().map(Finding::key).collect(Collectors.toSet());
        return new FindingChanges(current.stream().filter(f -> !before.contains(f.key())).toList(),
                previous.stream().filter(f -> !now.contains(f.key())).toList());
    }

    public boolean none() {
        return raised.isEmpty() && cleared.isEmpty();
    }
}
