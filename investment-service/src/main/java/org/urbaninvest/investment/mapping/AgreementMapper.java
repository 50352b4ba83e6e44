package org.urbaninvest.investment.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.urbaninvest.investment.repository.Agreement;
import org.urbaninvest.investment.repository.Disbursement;
import org.urbaninvest.investment.repository.HistoryEntry;
import org.urbaninvest.investment.rest.AgreementView;
import org.urbaninvest.investment.rest.AgreementView.DisbursementView;
import org.urbaninvest.investment.rest.AgreementView.HistoryView;
import org.urbaninvest.platform.money.Money;

/** Agreement entity ⇄ API representation (which is also the event snapshot). */
@ApplicationScoped
public class AgreementMapper {

    /** One changed field of a history entry. */
    public record Change(Object from, Object to) {
    }

    @Inject
    ObjectMapper json;

    public AgreementView toView(Agreement agreement) {
        List<DisbursementView> disbursements = agreement.disbursements.stream().map(AgreementMapper::toView).toList();
        return new AgreementView(agreement.id, agreement.projectCode, agreement.zoneCode, agreement.investorId,
                agreement.reference, agreement.stage, intendedAmount(agreement), agreement.intendedOn,
                signedAmount(agreement), agreement.signedOn, agreement.startedOn, agreement.operationalOn,
                agreement.withdrawnOn, agreement.withdrawalReason, disbursements, fundsInPlace(agreement),
                agreement.history.stream().map(this::toView).toList(), agreement.version, agreement.createdAt,
                agreement.updatedAt);
    }

    public static Money intendedAmount(Agreement agreement) {
        return new Money(agreement.intendedAmount, agreement.intendedCurrency);
    }

    /** The signed amount, or null before signing. */
    public static Money signedAmount(Agreement agreement) {
        return agreement.signedAmount == null ? null : new Money(agreement.signedAmount, agreement.signedCurrency);
    }

    /** The sum of the disbursements in the signed amount's currency; before signing 0 in the intended currency. */
    public static Money fundsInPlace(Agreement agreement) {
        Money total = Money.zero(agreement.signedCurrency != null ? agreement.signedCurrency
                : agreement.intendedCurrency);
        for (Disbursement disbursement : agreement.disbursements) {
            total = total.plus(new Money(disbursement.amount, disbursement.currency));
        }
        return total;
    }

    public String changes(Map<String, Change> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history changes cannot be written as JSON", e);
        }
    }

    private HistoryView toView(HistoryEntry entry) {
        JsonNode changes;
        try {
            changes = json.readTree(entry.changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history entry " + entry.id + " holds invalid JSON", e);
        }
        return new HistoryView(entry.at, entry.action, entry.stage, entry.date, entry.actor, entry.reason, changes);
    }

    private static DisbursementView toView(Disbursement disbursement) {
        return new DisbursementView(disbursement.id, new Money(disbursement.amount, disbursement.currency),
                disbursement.receivedOn, disbursement.recordedAt);
    }
}
