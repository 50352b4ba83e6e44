package org.urbaninvest.investment.service;

import java.time.LocalDate;
import java.util.List;
import org.urbaninvest.investment.domain.AgreementKey;
import org.urbaninvest.investment.domain.Stage;
import org.urbaninvest.platform.money.Money;

/**
 * One valid line of an agreement import: the target state of the agreement {@code (investorId, reference)}.
 * {@code signedAmount}/{@code signedOn} are given when the agreement was signed (for a withdrawn one: if it was
 * signed before), {@code startedOn} when it was started; {@code amendmentReason} may be null.
 */
record AgreementImportLine(long line, AgreementKey key, String projectCode, Stage stage, Money intendedAmount,
        LocalDate intendedOn, Money signedAmount, LocalDate signedOn, LocalDate startedOn, LocalDate operationalOn,
        LocalDate withdrawnOn, String withdrawalReason, String amendmentReason) {

    /** The stages the agreement has gone through in this state, in order. */
    List<Stage> reached() {
        return Stage.path(signedOn != null, startedOn != null, operationalOn != null, withdrawnOn != null);
    }

    /** One disbursement line: funds {@code reference} received under the agreement {@code key}. */
    record Disbursement(long line, AgreementKey key, String reference, Money amount, LocalDate receivedOn) {
    }
}
