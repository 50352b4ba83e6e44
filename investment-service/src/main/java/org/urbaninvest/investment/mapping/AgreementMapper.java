package org.urbaninvest.investment.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.urbaninvest.investment.repository.AgreementEntity;
import org.urbaninvest.investment.repository.DisbursementEntity;
import org.urbaninvest.investment.repository.HistoryEntryEntity;
import org.urbaninvest.investment.domain.AgreementImportCounts;
import org.urbaninvest.investment.rest.Agreement;
import org.urbaninvest.investment.rest.ImportResult;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.platform.paging.Page;

/** Agreement entity → API representation, and the history entries' {@code changes} as stored ⇄ as shown. */
@ApplicationScoped
public class AgreementMapper {

    /** One changed field of a history entry. */
    public record Change(Object from, Object to) {
    }

    @Inject
    ObjectMapper json;

    public Agreement toResponse(AgreementEntity agreement) {
        return new Agreement(agreement.id, agreement.projectCode, agreement.zoneCode, agreement.investorId,
                agreement.reference, agreement.stage, intendedAmount(agreement), agreement.intendedOn,
                signedAmount(agreement), agreement.signedOn, agreement.startedOn, agreement.operationalOn,
                agreement.withdrawnOn, agreement.withdrawalReason,
                agreement.disbursements.stream().map(AgreementMapper::toResponse).toList(), fundsInPlace(agreement),
                agreement.history.stream().map(this::toResponse).toList(), agreement.version, agreement.createdAt,
                agreement.updatedAt);
    }

    /** A page of agreements as the API shows it. */
    public Page<Agreement> toResponse(Page<AgreementEntity> page) {
        return page.map(this::toResponse);
    }

    /** What an import did (or, on a dry run, would do). */
    public static ImportResult toResponse(AgreementImportCounts counts, boolean dryRun) {
        return new ImportResult(dryRun, counts.created(), counts.moved(), counts.amended(), counts.disbursed(),
                counts.unchanged());
    }

    public static Money intendedAmount(AgreementEntity agreement) {
        return new Money(agreement.intendedAmount, agreement.intendedCurrency);
    }

    /** The signed amount, or null before signing. */
    public static Money signedAmount(AgreementEntity agreement) {
        return agreement.signedAmount == null ? null : new Money(agreement.signedAmount, agreement.signedCurrency);
    }

    /** The sum of the disbursements in the signed amount's currency; before signing 0 in the intended currency. */
    public static Money fundsInPlace(AgreementEntity agreement) {
        Money total = Money.zero(agreement.signedCurrency != null ? agreement.signedCurrency
                : agreement.intendedCurrency);
        for (DisbursementEntity disbursement : agreement.disbursements) {
            total = total.plus(amount(disbursement));
        }
        return total;
    }

    public static Money amount(DisbursementEntity disbursement) {
        return new Money(disbursement.amount, disbursement.currency);
    }

    /** The changes of a history entry as stored: field name → {@code {"from": …, "to": …}}. */
    public String changes(Map<String, Change> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history changes cannot be written as JSON", e);
        }
    }

    /** The changes of a stored history entry, as the API and the events show them. */
    public JsonNode changes(HistoryEntryEntity entry) {
        try {
            return json.readTree(entry.changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history entry " + entry.id + " holds invalid JSON", e);
        }
    }

    private Agreement.HistoryEntry toResponse(HistoryEntryEntity entry) {
        return new Agreement.HistoryEntry(entry.at, entry.action, entry.stage, entry.date, entry.actor, entry.reason,
                changes(entry));
    }

    private static Agreement.Disbursement toResponse(DisbursementEntity disbursement) {
        return new Agreement.Disbursement(disbursement.id, disbursement.reference, amount(disbursement), disbursement.receivedOn,
                disbursement.recordedAt);
    }
}
