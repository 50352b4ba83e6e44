package org.urbaninvest.investment.mapping;

import org.urbaninvest.investment.events.AgreementPayload;
import org.urbaninvest.investment.events.InvestorPayload;
import org.urbaninvest.investment.rest.AgreementView;
import org.urbaninvest.investment.rest.InvestorView;

/**
 * Representation ⇄ event payload, field by field: the topics' contracts change only here, never as a side effect
 * of a change to the REST representation.
 */
public final class EventPayloads {

    private EventPayloads() {
    }

    public static AgreementPayload agreement(AgreementView a) {
        return new AgreementPayload(a.id(), a.projectCode(), a.zoneCode(), a.investorId(), a.reference(), a.stage(),
                a.intendedAmount(), a.intendedOn(), a.signedAmount(), a.signedOn(), a.startedOn(), a.operationalOn(),
                a.withdrawnOn(), a.withdrawalReason(),
                a.disbursements().stream().map(EventPayloads::disbursement).toList(), a.fundsInPlace(),
                a.history().stream().map(EventPayloads::history).toList(), a.version(), a.createdAt(),
                a.updatedAt());
    }

    public static InvestorPayload investor(InvestorView i) {
        return new InvestorPayload(i.id(), i.name(), i.kind(), i.creditCode(), i.country(), i.version(),
                i.createdAt(), i.updatedAt());
    }

    private static AgreementPayload.Disbursement disbursement(AgreementView.DisbursementView d) {
        return new AgreementPayload.Disbursement(d.id(), d.amount(), d.receivedOn(), d.recordedAt());
    }

    private static AgreementPayload.HistoryEntry history(AgreementView.HistoryView h) {
        return new AgreementPayload.HistoryEntry(h.at(), h.action(), h.stage(), h.date(), h.actor(), h.reason(),
                h.changes());
    }
}
