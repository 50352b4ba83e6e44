package org.urbaninvest.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.urbaninvest.platform.outbox.Outbox;
import org.urbaninvest.platform.tracing.EventTracing;
import org.urbaninvest.platform.tracing.TraceContext;
import org.urbaninvest.reporting.config.ReportingConfig;
import org.urbaninvest.reporting.domain.ZoneReport;
import org.urbaninvest.reporting.events.CompactedTopics;
import org.urbaninvest.reporting.events.Topics;
import org.urbaninvest.reporting.mapping.EventPayloads;
import org.urbaninvest.reporting.repository.SummaryStore;
import org.urbaninvest.reporting.repository.ZoneMarks;

/**
 * Publishes {@code zone-summaries.v1}: every second, the zones whose figures changed (and their ancestors,
 * whose roll-ups include them) get their report written to the outbox, at most once per second per zone. The
 * change marks are written in the projections' transactions and cleared here in the outbox's transaction,
 * so no change is lost and none is published without being recorded. A zone's summary continues the trace of the
 * newest event that changed the zone (an ancestor without a change of its own: the newest traced change of the
 * round), so the trace of a write shows the summaries it caused.
 */
@ApplicationScoped
public class SummaryPublisher {

    private static final Logger LOG = Logger.getLogger(SummaryPublisher.class);
    static final String EVENT_TYPE = "report.zone-summary";
    private static final int BATCH = 2_000;

    @Inject
    SummaryStore store;

    @Inject
    ReportService reports;

    @Inject
    Outbox outbox;

    @Inject
    CompactedTopics topics;

    @Inject
    ReportingConfig config;

    @Inject
    EventTracing tracing;

    @Scheduled(every = "1s", skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!config.summaries().enabled() || !topics.ensure(Topics.ZONE_SUMMARIES, config.summaries().createTopic(),
                config.summaries().partitions())) {
            return;
        }
        try {
            publishDue();
        } catch (RuntimeException e) {
            LOG.warnf("zone summaries not published this round: %s", e.getMessage());
        }
    }

    /**
     * Publishes what is due now; returns how many summaries were written. With several instances one publishes at
     * a time (a lock held until the outbox rows are committed), and it reads the changes and the figures only
     * once it holds the lock: every summary it writes is at least as new as the last one any instance wrote, and
     * its outbox rows come after that one's, so the last record of a zone on the topic is always its latest figures.
     */
    public int publishDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!store.tryLock()) {
                return 0;
            }
            List<ZoneMarks.Mark> changes = store.pending(BATCH);
            if (changes.isEmpty()) {
                return 0;
            }
            ZoneMarks.Traces traces = ZoneMarks.Traces.of(changes);
            List<String> changed = changes.stream().map(ZoneMarks.Mark::zoneCode).distinct().toList();
            Map<String, ZoneReport> due = reports.summaries(changed);
            Set<String> recent = store.publishedWithin(due.keySet(), config.summaries().minInterval());
            List<String> published = new ArrayList<>();
            Map<String, TraceContext> deferred = new LinkedHashMap<>();
            for (Map.Entry<String, ZoneReport> entry : due.entrySet()) {
                String zone = entry.getKey();
                TraceContext trace = traces.of(zone);
                if (recent.contains(zone)) {
                    deferred.put(zone, trace);
                } else {
                    tracing.within(trace, "publish zone summary", () -> {
                        outbox.publish(Topics.ZONE_SUMMARIES, zone, EVENT_TYPE,
                                EventPayloads.zoneSummary(entry.getValue()));
                        return null;
                    });
                    published.add(zone);
                }
            }
            store.published(published);
            store.defer(deferred);
            store.done(changes);
            return published.size();
        });
    }
}
