package org.urbaninvest.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.urbaninvest.platform.events.PoisonEventException;
import org.urbaninvest.platform.money.Money;

/**
 * What the reports need of an agreement, and what it contributes to its zone's totals and time series
 * (SYSTEM.md §6): intended = stage in INTENDED, SIGNED, STARTED, OPERATIONAL (intendedAmount); signed = SIGNED,
 * STARTED, OPERATIONAL (signedAmount); started = STARTED, OPERATIONAL; operational = OPERATIONAL; withdrawn =
 * WITHDRAWN (intendedAmount); funds in place = the disbursements of the signed set. The same sets "as of a day"
 * are read from the stage dates: an agreement enters a set on its {@code …On} date and leaves it on
 * {@code withdrawnOn}; a disbursement counts from its {@code receivedOn}.
 */
public record AgreementState(String id, String zoneCode, String projectCode, String investorId, String stage,
        Money intendedAmount, LocalDate intendedOn, Money signedAmount, LocalDate signedOn, LocalDate startedOn,
        LocalDate operationalOn, LocalDate withdrawnOn, Money fundsInPlace, List<Disbursement> disbursements,
        Revisions revisions) {

    public record Disbursement(Money amount, LocalDate receivedOn) {
    }

    /**
     * The amounts as first recorded (before any amendment; {@code originalSigned} null while unsigned) and the
     * number of amendments, read from the snapshot's history.
     */
    public record Revisions(Money originalIntended, Money originalSigned, int amendments) {
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

    /** Totals measures ({@code zone_agreement_totals.measure}) besides the stage names in lower case. */
    public static final String FUNDS = "funds";
    public static final String INTENDED_ORIGINAL = "intended-original";
    public static final String SIGNED_ORIGINAL = "signed-original";
    /** Counts the amendments of the intended set (amount zero, in the intended currency). */
    public static final String AMENDMENTS = "amendments";
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
            measure(c, INTENDED_ORIGINAL, revisions.originalIntended());
            amendments(c);
            series(c, METRIC_INTENDED, intendedOn, intendedAmount);
        }
        if (SIGNED_SET.contains(stage)) {
            measure(c, SIGNED.toLowerCase(), signedAmount);
            measure(c, SIGNED_ORIGINAL, originalSigned());
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
        byDay(c);
        return c;
    }

    public static Contribution contributionOf(AgreementState state) {
        return state == null ? Contribution.none() : state.contribution();
    }

    /**
     * The same measures by day ({@code zone_agreement_days}): each from the day the agreement entered the set until
     * the day it was withdrawn. A set whose date is missing is not counted on any day.
     */
    private void byDay(Contribution c) {
        if (intendedOn != null) {
            span(c, INTENDED.toLowerCase(), intendedOn, 1, intendedAmount);
            span(c, INTENDED_ORIGINAL, intendedOn, 1, revisions.originalIntended());
            if (revisions.amendments() > 0) {
                span(c, AMENDMENTS, intendedOn, revisions.amendments(), Money.zero(intendedAmount.currency()));
            }
        }
        if (signedAmount != null && signedOn != null) {
            span(c, SIGNED.toLowerCase(), signedOn, 1, signedAmount);
            span(c, SIGNED_ORIGINAL, signedOn, 1, originalSigned());
            span(c, FUNDS, signedOn, 1, Money.zero(fundsInPlace.currency()));
            for (Disbursement disbursement : disbursements) {
                if (disbursement.receivedOn() != null) { // funds count once the agreement is in the signed set
                    LocalDate day = disbursement.receivedOn().isBefore(signedOn) ? signedOn : disbursement.receivedOn();
                    span(c, FUNDS, day, 0, disbursement.amount());
                }
            }
        }
        if (signedAmount != null && startedOn != null) {
            span(c, STARTED.toLowerCase(), startedOn, 1, signedAmount);
        }
        if (signedAmount != null && operationalOn != null) {
            span(c, OPERATIONAL.toLowerCase(), operationalOn, 1, signedAmount);
        }
        if (withdrawnOn != null) {
            c.add(TotalsTable.ZONE_AGREEMENT_DAYS, 1, intendedAmount.amount(), zoneCode, WITHDRAWN.toLowerCase(),
                    withdrawnOn, intendedAmount.currency());
        }
    }

    /** Counts {@code money} in {@code measure} from {@code from} until the withdrawal, if any. */
    private void span(Contribution c, String measure, LocalDate from, long count, Money money) {
        if (withdrawnOn != null && !from.isBefore(withdrawnOn)) {
            return; // withdrawn before it would have entered the set
        }
        c.add(TotalsTable.ZONE_AGREEMENT_DAYS, count, money.amount(), zoneCode, measure, from, money.currency());
        if (withdrawnOn != null) {
            c.add(TotalsTable.ZONE_AGREEMENT_DAYS, -count, money.amount().negate(), zoneCode, measure, withdrawnOn,
                    money.currency());
        }
    }

    private Money originalSigned() {
        return revisions.originalSigned() != null ? revisions.originalSigned() : signedAmount;
    }

    private void amendments(Contribution c) {
        if (revisions.amendments() > 0) {
            c.add(TotalsTable.ZONE_AGREEMENTS, revisions.amendments(), BigDecimal.ZERO, zoneCode, AMENDMENTS,
                    intendedAmount.currency());
        }
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
