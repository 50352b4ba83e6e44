package org.urbaninvest.reporting.mapping;

import org.urbaninvest.reporting.domain.ZoneReport;
import org.urbaninvest.reporting.events.ZoneSummaryPayload;

/**
 * Report → event payload, field by field: the summaries topic's contract changes only here, never as a side
 * effect of a change to the read model or the REST representation.
 */
public final class EventPayloads {

    private EventPayloads() {
    }

    public static ZoneSummaryPayload zoneSummary(ZoneReport r) {
        ZoneReport.Projects p = r.projects();
        ZoneReport.Agreements a = r.agreements();
        ZoneReport.Rates t = r.rates();
        return new ZoneSummaryPayload(r.zone(), r.asOf(),
                new ZoneSummaryPayload.Projects(p.count(), p.estimatedInvestment(), p.byStatus()),
                new ZoneSummaryPayload.Agreements(measure(a.intended()), measure(a.signed()), measure(a.started()),
                        measure(a.operational()), measure(a.withdrawn()), a.fundsInPlace()),
                new ZoneSummaryPayload.Rates(t.signingByCount(), t.signingByAmount(), t.startByCount(),
                        t.operationalByCount(), t.fundsInPlaceByAmount()));
    }

    private static ZoneSummaryPayload.Measure measure(ZoneReport.Measure m) {
        return new ZoneSummaryPayload.Measure(m.count(), m.amount());
    }
}
