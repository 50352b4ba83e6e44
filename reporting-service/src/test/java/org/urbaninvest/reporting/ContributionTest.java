package org.urbaninvest.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.urbaninvest.reporting.domain.TotalsTable;
import org.urbaninvest.reporting.domain.AgreementState;
import org.urbaninvest.reporting.domain.Contribution;
import org.urbaninvest.reporting.mapping.States;

/** An event adds the difference between the aggregate's new contribution and its old one. */
class ContributionTest {

    private static AgreementState state(TestEvents.Agreement agreement) {
        JsonNode data = Api.parse(agreement.json());
        return States.agreement(agreement.id(), data);
    }

    @Test
    void anAmendmentReplacesTheAmount() {
        TestEvents.Agreement agreement = TestEvents.agreement("zone-a", "100", "CNY", "2022-07-05");
        AgreementState before = state(agreement);
        AgreementState after = state(agreement.amendIntended("150"));
        Contribution delta = after.contribution().minus(before.contribution());
        // +50 intended in the totals, the totals by day and the time series; one more amendment in the first two
        assertThat(delta.rows()).hasSize(5).allSatisfy((key, figure) -> {
            if ("amendments".equals(key.values().get(1))) {
                assertThat(figure.count()).isEqualTo(1);
                assertThat(figure.amount()).isZero();
            } else {
                assertThat(figure.count()).isZero();
                assertThat(figure.amount()).isEqualByComparingTo("50");
            }
        });
        assertThat(after.contribution().rows().get(new Contribution.Key(TotalsTable.ZONE_AGREEMENTS,
                List.of("zone-a", "intended", "CNY"))).amount()).isEqualByComparingTo("150");
    }

    @Test
    void withdrawingMovesTheAgreementFromTheSignedSetToWithdrawn() {
        TestEvents.Agreement agreement = TestEvents.agreement("zone-b", "300", "CNY", "2022-07-05")
                .sign("250", "CNY", "2022-08-01").disburse("20", "2022-09-01");
        AgreementState signed = state(agreement);
        AgreementState withdrawn = state(agreement.withdraw("2022-10-01"));
        Contribution delta = withdrawn.contribution().minus(signed.contribution());
        assertThat(delta.rows().get(new Contribution.Key(TotalsTable.ZONE_AGREEMENTS,
                List.of("zone-b", "withdrawn", "CNY")))).isEqualTo(new Contribution.Figure(1, new BigDecimal("300.00")));
        assertThat(delta.rows().get(new Contribution.Key(TotalsTable.ZONE_AGREEMENTS,
                List.of("zone-b", "signed", "CNY")))).isEqualTo(new Contribution.Figure(-1, new BigDecimal("-250.00")));
        assertThat(delta.rows().get(new Contribution.Key(TotalsTable.ZONE_TIMESERIES,
                List.of("zone-b", "fundsInPlace", LocalDate.of(2022, 9, 1), "CNY"))).count()).isEqualTo(-1);
        assertThat(withdrawn.contribution().minus(withdrawn.contribution()).isEmpty()).isTrue();
    }

    /**
     * Which measures each stage counts in (SYSTEM.md §6, and the revisions' amounts as first recorded), written out
     * per stage: an agreement intended 100 CNY, signed 80 CNY with 30 disbursed (a withdrawn one was signed before
     * it was withdrawn).
     */
    @Test
    void eachStageCountsInItsMeasures() {
        Map<String, Map<String, String>> expected = Map.of(
                "INTENDED", Map.of("intended", "100.00", "intended-original", "100.00"),
                "SIGNED", Map.of("intended", "100.00", "intended-original", "100.00", "signed", "80.00",
                        "signed-original", "80.00", "funds", "30.00"),
                "STARTED", Map.of("intended", "100.00", "intended-original", "100.00", "signed", "80.00",
                        "signed-original", "80.00", "started", "80.00", "funds", "30.00"),
                "OPERATIONAL", Map.of("intended", "100.00", "intended-original", "100.00", "signed", "80.00",
                        "signed-original", "80.00", "started", "80.00", "operational", "80.00", "funds", "30.00"),
                "WITHDRAWN", Map.of("withdrawn", "100.00"));
        Map<String, AgreementState> byStage = Map.of(
                "INTENDED", state(TestEvents.agreement("zone-s", "100", "CNY", "2022-07-05")),
                "SIGNED", state(TestEvents.agreement("zone-s", "100", "CNY", "2022-07-05")
                        .sign("80", "CNY", "2022-08-01").disburse("30", "2022-09-01")),
                "STARTED", state(TestEvents.agreement("zone-s", "100", "CNY", "2022-07-05")
                        .sign("80", "CNY", "2022-08-01").disburse("30", "2022-09-01").start("2022-09-02")),
                "OPERATIONAL", state(TestEvents.agreement("zone-s", "100", "CNY", "2022-07-05")
                        .sign("80", "CNY", "2022-08-01").disburse("30", "2022-09-01").start("2022-09-02")
                        .operate("2022-12-01")),
                "WITHDRAWN", state(TestEvents.agreement("zone-s", "100", "CNY", "2022-07-05")
                        .sign("80", "CNY", "2022-08-01").disburse("30", "2022-09-01").withdraw("2022-10-01")));
        expected.forEach((stage, measures) -> {
            assertThat(byStage.get(stage).stage()).isEqualTo(stage);
            Map<String, String> counted = new TreeMap<>();
            byStage.get(stage).contribution().rows().forEach((key, figure) -> {
                if (key.table() == TotalsTable.ZONE_AGREEMENTS) {
                    assertThat(figure.count()).as("%s %s", stage, key).isEqualTo(1);
                    counted.put((String) key.values().get(1), figure.amount().toPlainString());
                }
            });
            assertThat(counted).as(stage).isEqualTo(new TreeMap<>(measures));
        });
    }
}
