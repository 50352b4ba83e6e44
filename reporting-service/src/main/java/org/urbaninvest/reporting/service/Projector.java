package org.urbaninvest.reporting.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.urbaninvest.platform.events.IncomingEvent;
import org.urbaninvest.platform.events.PoisonEventException;
import org.urbaninvest.platform.tracing.TraceContext;
import org.urbaninvest.reporting.mapping.Snapshots;
import org.urbaninvest.reporting.repository.Generations;
import org.urbaninvest.reporting.repository.ProjectionStore;
import org.urbaninvest.reporting.domain.AgreementState;
import org.urbaninvest.reporting.domain.ProjectState;
import org.urbaninvest.reporting.domain.Contribution;
import org.urbaninvest.reporting.events.Topics;
import org.urbaninvest.reporting.mapping.States;

/**
 * Applies a batch of events to one generation of the projections, inside the inbox's transaction (after its
 * version checks). Every event carries the full snapshot, so applying it replaces the aggregate's contribution.
 * Within a batch the work is coalesced: the current rows of its agreements and projects are read in one query
 * each, the totals get the batch's summed difference, each row is written once with its last state, the clock
 * moves once per topic and each changed zone is noted once.
 */
@ApplicationScoped
public class Projector {

    @Inject
    ProjectionStore store;

    /**
     * Holds the generation against a switch-over for the rest of the transaction; false when it no longer exists
     * (switched away and dropped since the events were routed to it). Called before the events are claimed.
     */
    public boolean hold(int generation) {
        return store.holdGeneration(generation) != null;
    }

    /** Applies new events to a generation the transaction {@linkplain #hold holds}. */
    public void apply(int generation, List<IncomingEvent> events) {
        String status = store.holdGeneration(generation); // held already: its status cannot change under us
        Batch batch = new Batch(generation, events);
        for (IncomingEvent event : events) {
            switch (event.topic()) {
                case Topics.ZONES -> applyZone(generation, event, batch.changedZones);
                case Topics.PROGRAMMES -> batch.findingZones.put(applyProgramme(generation, event), event.trace());
                case Topics.PROJECTS -> batch.project(event);
                case Topics.INVESTORS -> store.saveInvestor(generation, event.key(),
                        Snapshots.text(event.data(), "name"), Snapshots.optionalText(event.data(), "kind"));
                case Topics.AGREEMENTS -> batch.agreement(event);
                case Topics.PLANS -> store.savePlan(generation, event.key(),
                        States.plan(event.key(), event.data()).zoneCode(), event.data());
                default -> throw new PoisonEventException("no projection reads topic " + event.topic());
            }
            batch.clock.merge(event.topic(), event.envelope().time(), (a, b) -> a.isAfter(b) ? a : b);
        }
        store.addTotals(generation, batch.totals);
        store.saveAgreements(generation, batch.changedAgreements.values());
        store.saveProjects(generation, batch.changedProjects.values());
        batch.clock.forEach((topic, time) -> store.advanceClock(generation, topic, time));
        if (Generations.ACTIVE.equals(status) && !batch.changedZones.isEmpty()) {
            store.markChanged(batch.changedZones);
        }
        if (Generations.ACTIVE.equals(status)) {
            batch.findingZones.putAll(batch.changedZones);
            if (!batch.findingZones.isEmpty() || !batch.changedProgrammes.isEmpty()) {
                store.markFindings(generation, batch.findingZones, batch.changedProgrammes);
            }
        }
    }

    /** What a batch changes, gathered before it is written. Rows are kept in key order (the order they are written). */
    private final class Batch {
        final Contribution totals = Contribution.none();
        /** The zones whose reports change, each with the trace of the last event changing it (its summary's). */
        final Map<String, TraceContext> changedZones = new TreeMap<>();
        /** Further zones whose findings may change: a programme's (its list). */
        final Map<String, TraceContext> findingZones = new TreeMap<>();
        /** The programmes whose registered projects change (their zones' list-mismatch findings). */
        final Map<String, TraceContext> changedProgrammes = new TreeMap<>();
        final Map<String, Instant> clock = new TreeMap<>();
        final Map<String, AgreementState> agreements;
        final Map<String, ProjectState> projects;
        final Map<String, AgreementState> changedAgreements = new TreeMap<>();
        final Map<String, ProjectState> changedProjects = new TreeMap<>();

        Batch(int generation, List<IncomingEvent> events) {
            agreements = store.findAgreements(generation, keys(events, Topics.AGREEMENTS));
            projects = store.findProjects(generation, keys(events, Topics.PROJECTS));
        }

        void agreement(IncomingEvent event) {
            AgreementState next = States.agreement(event.key(), event.data());
            AgreementState old = agreements.put(event.key(), next);
            totals.include(next.contribution().minus(AgreementState.contributionOf(old)));
            changedAgreements.put(event.key(), next);
            changedZones.put(next.zoneCode(), event.trace());
            if (old != null) {
                changedZones.put(old.zoneCode(), event.trace());
            }
        }

        void project(IncomingEvent event) {
            ProjectState next = States.project(event.key(), event.data());
            ProjectState old = projects.put(event.key(), next);
            totals.include(next.contribution().minus(ProjectState.contributionOf(old)));
            changedProjects.put(event.key(), next);
            changedZones.put(next.zoneCode(), event.trace());
            if (old != null) {
                changedZones.put(old.zoneCode(), event.trace());
            }
            for (ProjectState state : new ProjectState[] {old, next}) {
                if (state != null && state.programmeCode() != null) {
                    changedProgrammes.put(state.programmeCode(), event.trace());
                }
            }
        }
    }

    private void applyZone(int generation, IncomingEvent event, Map<String, TraceContext> changedZones) {
        JsonNode data = event.data();
        String parent = Snapshots.optionalText(data, "parentCode");
        ProjectionStore.ZoneRow old = store.findZone(generation, event.key());
        store.saveZone(generation, event.key(), Snapshots.text(data, "name"), Snapshots.text(data, "kind"), parent);
        changedZones.put(event.key(), event.trace());
        if (old.known() && old.parentCode() != null && !Objects.equals(old.parentCode(), parent)) {
            changedZones.put(old.parentCode(), event.trace()); // its roll-up (and its ancestors') lost this zone
        }
    }

    /** Returns the programme's zone. */
    private String applyProgramme(int generation, IncomingEvent event) {
        JsonNode data = event.data();
        JsonNode declared = declared(data);
        List<ProjectionStore.ProgrammeCategory> categories = new ArrayList<>();
        JsonNode list = data.get("categories");
        if (list != null && list.isArray()) {
            for (JsonNode category : list) {
                JsonNode categoryDeclared = declared(category);
                categories.add(new ProjectionStore.ProgrammeCategory(Snapshots.text(category, "code"),
                        Snapshots.text(category, "name"), Snapshots.number(categoryDeclared, "projectCount"),
                        Snapshots.money(categoryDeclared, "investment")));
            }
        }
        String zone = Snapshots.text(data, "zoneCode");
        store.saveProgramme(generation, event.key(), Snapshots.text(data, "name"), zone,
                Snapshots.optionalDate(data, "publishedOn"), Snapshots.number(declared, "projectCount"),
                Snapshots.money(declared, "investment"), categories);
        return zone;
    }

    private static JsonNode declared(JsonNode data) {
        JsonNode declared = data.get("declared");
        if (declared == null || !declared.isObject()) {
            throw new PoisonEventException("programme snapshot has no 'declared' figures");
        }
        return declared;
    }

    private static Set<String> keys(List<IncomingEvent> events, String topic) {
        Set<String> keys = new TreeSet<>();
        for (IncomingEvent event : events) {
            if (topic.equals(event.topic())) {
                keys.add(event.key());
            }
        }
        return keys;
    }
}
