package org.urbaninvest.reporting.mapping;

import java.time.LocalDate;
import java.util.List;
import org.urbaninvest.reporting.domain.Finding;
import org.urbaninvest.reporting.domain.FindingChanges;
import org.urbaninvest.reporting.domain.FindingRule;
import org.urbaninvest.reporting.domain.ZoneReport;
import org.urbaninvest.reporting.events.ZoneFindingsPayload;
import org.urbaninvest.reporting.events.ZoneSummaryPayload;

/**
 * Report → event payload, field by field: the contracts of the summaries and findings topics change only here,
 * never as a side effect of a change to the read model or the REST representation.
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

    /**
     * The zone-findings.v1 record of a zone whose findings changed: {@code current} and the changes, each list cut to
     * {@code limit} findings ({@code raised} and {@code cleared} to half of it), with the counts per rule of the whole
     * set.
     */
    public static ZoneFindingsPayload zoneFindings(String zone, LocalDate day, FindingChanges changes,
            List<Finding> current, int limit) {
        int half = Math.max(1, limit / 2);
        boolean truncated = current.size() > limit || changes.raised().size() > half
                || changes.cleared().size() > half;
        return new ZoneFindingsPayload(zone, day, FindingRule.counts(current), truncated,
                findings(changes.raised(), half), findings(changes.cleared(), half), findings(current, limit));
    }

    private static List<ZoneFindingsPayload.Finding> findings(List<Finding> findings, int limit) {
        return findings.stream().limit(limit).map(f -> new ZoneFindingsPayload.Finding(f.key(), f.rule(), f.severity(),
                new ZoneFindingsPayload.Subject(f.subject().type(), f.subject().id(), f.subject().code()),
                f.zoneCode(), f.since(), f.detail())).toList();
    }
}
