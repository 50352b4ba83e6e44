package org.urbaninvest.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Percentiles by nearest rank, and the stage an agreement is in on a day, without a database. */
class FunnelTest {

    private static final LocalDate DAY = LocalDate.parse("2024-06-01");

    @Test
    void medianAndP90AreTheNearestRanks() {
        List<Funnel.Dates> agreements = new ArrayList<>();
        for (int days = 10; days >= 1; days--) { // 1..10 days in INTENDED, in no particular order
            agreements.add(new Funnel.Dates(DAY.minusDays(days), null, null, null, null));
        }
        Funnel.Ageing ageing = Funnel.of("z", null, DAY, true, null, agreements).stages().get(0).current();
        // ⌈0.5 × 10⌉ = 5th smallest, ⌈0.9 × 10⌉ = 9th smallest
        assertThat(ageing).isEqualTo(new Funnel.Ageing(10, 5L, 9L, 10L));
        Funnel.Ageing one = Funnel.of("z", null, DAY, true, null, agreements.subList(0, 1)).stages().get(0).current();
        assertThat(one).isEqualTo(new Funnel.Ageing(1, 10L, 10L, 10L));
    }

    @Test
    void aWithdrawnAgreementCountsAsReachedButIsInNoStage() {
        Funnel.Dates withdrawn = new Funnel.Dates(DAY.minusDays(30), DAY.minusDays(20), null, null, DAY);
        Funnel funnel = Funnel.of("z", null, DAY, true, null, List.of(withdrawn));
        assertThat(funnel.stages()).extracting(Funnel.Stage::reached).containsExactly(1L, 1L, 0L, 0L);
        assertThat(funnel.stages()).extracting(stage -> stage.current().count()).containsOnly(0L);
        assertThat(funnel.withdrawn()).isEqualTo(1);
        // the day before its withdrawal it was SIGNED, for 19 days
        Funnel before = Funnel.of("z", null, DAY.minusDays(1), true, null, List.of(withdrawn));
        assertThat(before.stages().get(1).current()).isEqualTo(new Funnel.Ageing(1, 19L, 19L, 19L));
        assertThat(before.withdrawn()).isZero();
    }
}
