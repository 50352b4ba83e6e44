package org.urbaninvest.reporting.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.urbaninvest.platform.events.PoisonEventException;
import org.urbaninvest.platform.money.Money;

/**
 * What the reports need of an agreement, and what it contributes to its zone's totals and time series
 * (SYSTEM.md §6): intended = stage in INTENDED, SIGNED, STARTED, OPERATIONAL (intendedAmount); signed = SIGNED,
 * STARTED, OPERATIONAL (signedAmount); started = STARTED, OPERATIONAL; operational = OPERATIONAL; withdrawn =
 * WITHDRAWN (intendedAmount); funds in place = the disbursements of the signed set.
 */
public record AgreementState(String id, String zoneCode, String projectCode, String stage, Money intendedAmount,
        LocalDate intendedOn, Money signedAmount, LocalDate signedOn, Money fundsInPlace,
        List<Disbursement> disbursements) {

    public record Disbursement(Money amount, LocalDate receivedOn) {
    }

    public static final String INTENDED = "INTENDED";
    public static final String SIGNED = "SIGNED";
    public static final String STARTED = "STARTED";
    public static final String OPERATIONAL = "OPERATIONAL";
    public static final String WITHDRAWN = "WITHDRAWN";

    static final Set<String> INTENDED_SET = Set.of(INTENDED, SIGNED, STARTED, OPERATIONAL);
    static final Set<String> SIGNED_SET = Set.of(SIGNED, STARTED, OPERATIONAL);
    static final Set<String> STARTED_SET = Set.of(STARTED, OPERATIONAL);
    static final Set<String> STAGES = Set.of(INTENDED, SIGNED, STARTED, OPERATIONAL, WITHDRAWN);

    /** Totals measures ({@code zone_agreement_totals.measure}). */
    public static final String FUNDS = "funds";
    /** Time series metrics, named as the API names them. */
    public static final String METRIC_INTENDED = "intended";
    public static final String METRIC_SIGNED = "signed";
    public static final String METRIC_FUNDS_IN_PLACE = "fundsInPlace";

    /** Refuses what no valid agreement snapshot holds: an unknown stage, or a signed stage without a signed amount. */
    public AgreementState {
        if (!STAGES.contains(stage)) {
            throw new PoisonEventException("unknown agreement stage " + stage);
        }
        if (SIGNED_SET.contains(stage) && signedAmount == null) {
            throw new PoisonEventException("agreement in stage " + stage + " has no signedAmount");
        }
    }

    public Contribution contribution() {
        Contribution c = Contribution.none();
        if (INTENDED_SET.contains(stage)) {
            measure(c, INTENDED.toLowerCase(), intendedAmount);
            series(c, METRIC_INTENDED, intendedOn, intendedAmount);
        }
        if (SIGNED_SET.contains(stage)) {
            measure(c, SIGNED.toLowerCase(), signedAmount);
            series(c, METRIC_SIGNED, signedOn, signedAmount);
            measure(c, FUNDS, fundsInPlace);
            for (Disbursement disbursement : disbursements) {
                series(c, METRIC_FUNDS_IN_PLACE, disbursement.receivedOn(), disbursement.amount());
            }
        }
        if (STARTED_SET.contains(stage)) {
            measure(c, STARTED.toLowerCase(), signedAmount);
        }
        if (OPERATIONAL.equals(stage)) {
            measure(c, OPERATIONAL.toLowerCase(), signedAmount);
        }
        if (WITHDRAWN.equals(stage)) {
            measure(c, WITHDRAWN.toLowerCase(), intendedAmount);
        }
        return c;
    }

    public static Contribution contributionOf(AgreementState state) {
        return state == null ? Contribution.none() : state.contribution();
    }

    private void measure(Contribution c, String measure, Money money) {
        c.add(TotalsTable.ZONE_AGREEMENTS, 1, money.amount(), zoneCode, measure, money.currency());
    }

    private void series(Contribution c, String metric, LocalDate day, Money money) {
        if (day != null) {
            c.add(TotalsTable.ZONE_TIMESERIES, 1, money.amount(), zoneCode, metric, day.withDayOfMonth(1),
                    money.currency());
        }
    }
}
