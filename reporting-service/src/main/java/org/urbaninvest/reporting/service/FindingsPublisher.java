package org.urbaninvest.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.urbaninvest.platform.outbox.Outbox;
import org.urbaninvest.platform.tracing.EventTracing;
import org.urbaninvest.reporting.config.ReportingConfig;
import org.urbaninvest.reporting.domain.Finding;
import org.urbaninvest.reporting.domain.FindingChanges;
import org.urbaninvest.reporting.events.CompactedTopics;
import org.urbaninvest.reporting.events.Topics;
import org.urbaninvest.reporting.mapping.EventPayloads;
import org.urbaninvest.reporting.repository.FindingsStore;
import org.urbaninvest.reporting.repository.ZoneMarks;

/**
 * Publishes {@code zone-findings.v1}: new and cleared findings, keyed by zone. The projections mark the zones an
 * event touches in the event's transaction (and a rebuild marks every zone when it switches over); every second the
 * marked zones' own findings are evaluated on today's date (the service's clock; less often while evaluating takes
 * long, see {@link #TIME_SHARE}) and compared, key by key, with the ones last published for the zone: a zone is
 * published only when a finding was raised or cleared, with its whole current set, so the last record of a zone on
 * the compacted topic is what holds now. Once a day every zone is marked, so that the findings that come with the
 * passing of days appear (and go) without an event.
 */
@ApplicationScoped
public class FindingsPublisher {

    private static final Logger LOG = Logger.getLogger(FindingsPublisher.class);
    static final String EVENT_TYPE = "report.zone-findings";
    /**
     * Zones marked per round: each is a few queries and the round is one transaction, kept short so that a backlog
     * (every zone, after a rebuild or at the daily run) drains in many small commits, never near the transaction
     * timeout.
     */
    private static final int BATCH = 50;

    /**
     * At most one part in {@value #TIME_SHARE} of one thread's time goes to the rounds: a zone's evaluation reads
     * all of its agreements, so a zone of tens of thousands that keeps changing is evaluated less often than each
     * second (a round that took t is followed by the next no sooner than {@value #TIME_SHARE} t after it began),
     * rather than taking a share of the machine that grows with the zone. Rounds of milliseconds keep the pace of
     * the one-second tick.
     */
    static final int TIME_SHARE = 10;

    @Inject
    FindingsStore store;

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

    private final Pace pace = new Pace(TIME_SHARE, System.nanoTime());

    @Scheduled(every = "1s", skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!config.findings().enabled() || !topics.ensure(Topics.ZONE_FINDINGS, config.findings().createTopic(),
                config.findings().partitions())) {
            return;
        }
        long start = System.nanoTime();
        if (!pace.due(start)) {
            return;
        }
        try {
            publishDue();
        } catch (RuntimeException e) {
            LOG.warnf("zone findings not published this round: %s", e.getMessage());
        } finally {
            pace.ran(start, System.nanoTime());
        }
    }

    /** A day on which no instance ran at the scheduled time is caught up by the next one to start. */
    void atStart(@Observes StartupEvent event) {
        daily();
    }

    @Scheduled(cron = "${urbaninvest.reporting.findings.daily:" + ReportingConfig.Findings.DEFAULT_DAILY + "}",
            timeZone = "UTC", skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        if (!config.findings().enabled()) {
            return;
        }
        try {
            if (reevaluateToday()) {
                LOG.infof("every zone's findings are evaluated again on %s", reports.today());
            }
        } catch (RuntimeException e) {
            LOG.warnf("zone findings not re-evaluated today: %s", e.getMessage());
        }
    }

    /**
     * Marks every zone to be evaluated again, once per day (by the service's clock) whatever the number of
     * instances: the first to claim the day does it. Returns whether this call did.
     */
    public boolean reevaluateToday() {
        LocalDate day = reports.today();
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!store.claimDay(day)) {
                return false;
            }
            store.markAll();
            return true;
        });
    }

    /**
     * Evaluates the marked zones and publishes those whose findings changed; returns how many were published. With
     * several instances one publishes at a time (a lock held until the outbox rows and the published sets are
     * committed), so each comparison is with the set the previous publication left.
     */
    public int publishDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!store.tryLock()) {
                return 0;
            }
            List<ZoneMarks.Mark> marks = store.pending(BATCH);
            if (marks.isEmpty()) {
                return 0;
            }
            ZoneMarks.Traces traces = ZoneMarks.Traces.of(marks);
            List<String> zones = marks.stream().map(ZoneMarks.Mark::zoneCode).distinct().sorted().toList();
            LocalDate day = reports.today();
            Map<String, List<Finding>> current = reports.ownFindings(zones, day);
            Map<String, Set<String>> previous = store.publishedKeys(zones);
            int published = 0;
            for (String zone : zones) {
                List<Finding> now = current.get(zone);
                FindingChanges changes = FindingChanges.between(previous.getOrDefault(zone, Set.of()), now,
                        cleared -> store.published(zone, cleared));
                if (changes.none()) {
                    continue;
                }
                tracing.within(traces.of(zone), "publish zone findings", () -> {
                    outbox.publish(Topics.ZONE_FINDINGS, zone, EVENT_TYPE,
                            EventPayloads.zoneFindings(zone, day, changes, now, config.findings().recordLimit()));
                    return null;
                });
                store.publish(zone, changes);
                published++;
            }
            store.done(marks);
            return published;
        });
    }

    /** When the next round may start, from how long the last one took (in {@link System#nanoTime()} units). */
    static final class Pace {

        private final int share;
        private volatile long notBefore;

        Pace(int share, long now) {
            this.share = share;
            this.notBefore = now;
        }

        boolean due(long now) {
            return now - notBefore >= 0;
        }

        void ran(long start, long end) {
            notBefore = start + (end - start) * share;
        }
    }
}
