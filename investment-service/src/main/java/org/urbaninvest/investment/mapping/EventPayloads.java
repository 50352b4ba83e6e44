package org.urbaninvest.investment.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.urbaninvest.investment.events.AgreementPayload;
import org.urbaninvest.investment.events.InvestorPayload;
import org.urbaninvest.investment.repository.AgreementEntity;
import org.urbaninvest.investment.repository.DisbursementEntity;
import org.urbaninvest.investment.repository.HistoryEntryEntity;
import org.urbaninvest.investment.repository.InvestorEntity;

/**
 * Entity → event payload, field by field: the topics' contracts change only here, never as a side effect of a
 * change to the REST representation. A bean because a history entry's stored {@code changes} are read as JSON
 * with the application's {@code ObjectMapper} (through {@link AgreementMapper}).
 */
@ApplicationScoped
public class EventPayloads {

    @Inject
    AgreementMapper agreements;

    public AgreementPayload agreement(AgreementEntity a) {
        return new AgreementPayload(a.id, a.projectCode, a.zoneCode, a.investorId, a.reference, a.stage,
                AgreementMapper.intendedAmount(a), a.intendedOn, AgreementMapper.signedAmount(a), a.signedOn,
                a.startedOn, a.operationalOn, a.withdrawnOn, a.withdrawalReason,
                a.disbursements.stream().map(EventPayloads::disbursement).toList(), AgreementMapper.fundsInPlace(a),
                a.history.stream().map(this::history).toList(), a.version, a.createdAt, a.updatedAt);
    }

    public static InvestorPayload investor(InvestorEntity i) {
        return new InvestorPayload(i.id, i.name, i.kind, i.creditCode, i.country, i.version, i.createdAt,
                i.updatedAt);
    }

    private static AgreementPayload.Disbursement disbursement(DisbursementEntity d) {
        return new AgreementPayload.Disbursement(d.id, d.reference, AgreementMapper.amount(d), d.receivedOn, d.recordedAt);
    }

    private AgreementPayload.HistoryEntry history(HistoryEntryEntity h) {
        return new AgreementPayload.HistoryEntry(h.at, h.action, h.stage, h.date, h.actor, h.reason,
                agreements.changes(h));
    }
}
