package org.urbaninvest.investment.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.urbaninvest.investment.domain.Stage;
import org.urbaninvest.investment.mapping.AgreementMapper;
import org.urbaninvest.investment.mapping.AgreementMapper.Change;
import org.urbaninvest.investment.repository.AgreementEntity;
import org.urbaninvest.investment.repository.DisbursementEntity;
import org.urbaninvest.investment.repository.HistoryEntryEntity;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.platform.problem.ProblemException;

/**
 * The rules of an agreement's stage moves, amendments and disbursements, applied to the entity in memory: the one
 * stage machine behind the API's actions and the CSV import alike. A refused change throws (400 naming the field,
 * 409 for a move the stage machine does not allow) before it touches the entity.
 */
final class AgreementChanges {

    /** What a stage move or amendment adds to the history: the action, its date, reason and changed fields. */
    record Step(String action, LocalDate date, String reason, Map<String, Change> changes) {
    }

    private AgreementChanges() {
    }

    static Step intend(AgreementEntity agreement, Money intendedAmount, LocalDate intendedOn) {
        agreement.stage = Stage.INTENDED;
        agreement.intendedAmount = intendedAmount.scaled();
        agreement.intendedCurrency = intendedAmount.currency();
        agreement.intendedOn = intendedOn;
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("intendedAmount", new Change(null, intendedAmount));
        changes.put("intendedOn", new Change(null, intendedOn));
        return new Step("intended", intendedOn, null, changes);
    }

    static Step sign(AgreementEntity agreement, Money signedAmount, LocalDate signedOn) {
        requireMove(agreement, Stage.SIGNED);
        requireNotBefore("signedOn", signedOn, "intendedOn", agreement.intendedOn);
        agreement.stage = Stage.SIGNED;
        agreement.signedAmount = signedAmount.scaled();
        agreement.signedCurrency = signedAmount.currency();
        agreement.signedOn = signedOn;
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("signedAmount", new Change(null, signedAmount));
        changes.put("signedOn", new Change(null, signedOn));
        return new Step("signed", signedOn, null, changes);
    }

    static Step start(AgreementEntity agreement, LocalDate startedOn) {
        requireMove(agreement, Stage.STARTED);
        requireNotBefore("startedOn", startedOn, "signedOn", agreement.signedOn);
        agreement.stage = Stage.STARTED;
        agreement.startedOn = startedOn;
        return new Step("started", startedOn, null, Map.of("startedOn", new Change(null, startedOn)));
    }

    static Step operate(AgreementEntity agreement, LocalDate operationalOn) {
        requireMove(agreement, Stage.OPERATIONAL);
        requireNotBefore("operationalOn", operationalOn, "startedOn", agreement.startedOn);
        agreement.stage = Stage.OPERATIONAL;
        agreement.operationalOn = operationalOn;
        return new Step("operational", operationalOn, null, Map.of("operationalOn", new Change(null, operationalOn)));
    }

    static Step withdraw(AgreementEntity agreement, LocalDate withdrawnOn, String reason) {
        requireMove(agreement, Stage.WITHDRAWN);
        requireNotBefore("withdrawnOn", withdrawnOn, "intendedOn", agreement.intendedOn);
        requireNotBefore("withdrawnOn", withdrawnOn, "signedOn", agreement.signedOn);
        requireNotBefore("withdrawnOn", withdrawnOn, "startedOn", agreement.startedOn);
        agreement.stage = Stage.WITHDRAWN;
        agreement.withdrawnOn = withdrawnOn;
        agreement.withdrawalReason = reason.strip();
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("withdrawnOn", new Change(null, withdrawnOn));
        changes.put("withdrawalReason", new Change(null, agreement.withdrawalReason));
        return new Step("withdrawn", withdrawnOn, agreement.withdrawalReason, changes);
    }

    /**
     * Replaces the intended and/or signed amount (null: keep it); a revision states the new total, it is not added.
     * Amounts equal to the current ones are refused (409): an amendment changes something.
     */
    static Step amend(AgreementEntity agreement, Money intended, Money signed, String reason) {
        if (agreement.stage == Stage.WITHDRAWN) {
            throw ProblemException.conflict("agreement " + agreement.id + " is withdrawn; its amounts are final");
        }
        if (signed != null && agreement.signedAmount == null) {
            throw ProblemException.conflict("agreement " + agreement.id + " is not signed; it has no signed amount"
                    + " to revise");
        }
        Map<String, Change> changes = new LinkedHashMap<>();
        Money currentIntended = AgreementMapper.intendedAmount(agreement);
        if (intended != null) {
            requireSameCurrency("intendedAmount.currency", intended, currentIntended);
        }
        Money currentSigned = AgreementMapper.signedAmount(agreement);
        if (signed != null) {
            requireSameCurrency("signedAmount.currency", signed, currentSigned);
        }
        if (intended != null && intended.scaled().compareTo(currentIntended.amount()) != 0) {
            changes.put("intendedAmount", new Change(currentIntended, intended));
            agreement.intendedAmount = intended.scaled();
        }
        if (signed != null && signed.scaled().compareTo(currentSigned.amount()) != 0) {
            changes.put("signedAmount", new Change(currentSigned, signed));
            agreement.signedAmount = signed.scaled();
        }
        if (changes.isEmpty()) {
            throw ProblemException.conflict("agreement " + agreement.id + " already has these amounts");
        }
        return new Step("amended", null, reason.strip(), changes);
    }

    /**
     * A disbursement of funds received under a signed agreement, appended to its list (not a stage move, so not in
     * the history).
     */
    static DisbursementEntity disburse(AgreementEntity agreement, Money amount, LocalDate receivedOn, String reference,
            Instant now) {
        if (!agreement.stage.receivesFunds()) {
            throw ProblemException.conflict("agreement " + agreement.id + " is " + agreement.stage
                    + "; funds are recorded only when it is SIGNED, STARTED or OPERATIONAL");
        }
        requireSameCurrency("amount.currency", amount, AgreementMapper.signedAmount(agreement));
        requireNotBefore("receivedOn", receivedOn, "signedOn", agreement.signedOn);
        DisbursementEntity disbursement = new DisbursementEntity();
        disbursement.id = UUID.randomUUID();
        disbursement.agreement = agreement;
        disbursement.reference = reference;
        disbursement.amount = amount.scaled();
        disbursement.currency = amount.currency();
        disbursement.receivedOn = receivedOn;
        disbursement.recordedAt = now;
        return disbursement;
    }

    /** The history entry of a step just applied, appended to the agreement's history; {@code changes} as stored. */
    static HistoryEntryEntity history(AgreementEntity agreement, Step step, String changes, String who,
            Instant now) {
        HistoryEntryEntity entry = new HistoryEntryEntity();
        entry.id = UUID.randomUUID();
        entry.agreement = agreement;
        entry.seq = agreement.history.size();
        entry.at = now;
        entry.action = step.action();
        entry.stage = agreement.stage;
        entry.date = step.date();
        entry.actor = who;
        entry.reason = step.reason();
        entry.changes = changes;
        agreement.history.add(entry);
        return entry;
    }

    private static void requireMove(AgreementEntity agreement, Stage next) {
        if (!agreement.stage.canMoveTo(next)) {
            throw ProblemException.conflict("agreement " + agreement.id + " is " + agreement.stage
                    + " and cannot become " + next);
        }
    }

    private static void requireNotBefore(String field, LocalDate date, String earlierField, LocalDate earlier) {
        if (earlier != null && date.isBefore(earlier)) {
            throw ProblemException.badRequest(field, "must not be before " + earlierField + " (" + earlier + ")");
        }
    }

    private static void requireSameCurrency(String field, Money given, Money current) {
        if (!given.sameCurrency(current)) {
            throw ProblemException.badRequest(field, "must be " + current.currency() + ", the currency of the"
                    + " agreement's amount");
        }
    }
}
