package org.urbaninvest.reporting.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.urbaninvest.reporting.domain.Finding;
import org.urbaninvest.reporting.domain.FindingChanges;
import org.urbaninvest.reporting.events.ZoneFindingsPayload;

/** A zone-findings.v1 record stays within its limit whatever the zone holds, and says when it was cut. */
class ZoneFindingsRecordTest {

    private static final LocalDate DAY = LocalDate.parse("2024-06-01");

    @Test
    void aZoneWithMoreFindingsThanTheLimitGetsACutRecordWithExactCounts() {
        List<Finding> stale = findings("intention-stale", 7);
        List<Finding> overdue = findings("milestone-overdue", 3);
        List<Finding> current = java.util.stream.Stream.concat(stale.stream(), overdue.stream()).toList();
        ZoneFindingsPayload record = EventPayloads.zoneFindings("caijia", DAY,
                FindingChanges.between(List.of(), current), current, 4);
        assertThat(record.truncated()).isTrue();
        assertThat(record.findings()).extracting(ZoneFindingsPayload.Finding::key)
                .containsExactly(keys(stale.subList(0, 4)));
        assertThat(record.raised()).hasSize(2);
        assertThat(record.cleared()).isEmpty();
        assertThat(record.counts()).containsEntry("intention-stale", 7L).containsEntry("milestone-overdue", 3L)
                .containsEntry("over-disbursed", 0L).hasSize(6);
    }

    @Test
    void aRecordWithinTheLimitListsEverything() {
        List<Finding> previous = findings("no-funds", 3);
        List<Finding> current = previous.subList(1, 3);
        ZoneFindingsPayload record = EventPayloads.zoneFindings("caijia", DAY,
                FindingChanges.between(previous, current), current, 4);
        assertThat(record.truncated()).isFalse();
        assertThat(record.findings()).extracting(ZoneFindingsPayload.Finding::key).containsExactly(keys(current));
        assertThat(record.cleared()).extracting(ZoneFindingsPayload.Finding::key)
                .containsExactly(previous.get(0).key());
        assertThat(record.counts()).containsEntry("no-funds", 2L);
    }

    private static List<Finding> findings(String rule, int count) {
        return IntStream.range(0, count).mapToObj(i -> new Finding(rule, "warning",
                Finding.Subject.agreement("a-" + rule + "-" + i), "caijia", DAY, "detail " + i,
                rule + "/agreement/a-" + rule + "-" + i)).toList();
    }

    private static String[] keys(List<Finding> findings) {
        return findings.stream().map(Finding::key).toArray(String[]::new);
    }
}
