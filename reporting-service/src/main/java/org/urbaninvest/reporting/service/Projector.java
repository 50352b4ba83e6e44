package org.urbaninvest.reporting.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.urbaninvest.platform.events.IncomingEvent;
import org.urbaninvest.platform.events.PoisonEventException;
import org.urbaninvest.reporting.mapping.Snapshots;
import org.urbaninvest.reporting.repository.Generations;
import org.urbaninvest.reporting.repository.ProjectionStore;

/**
 * Applies one event to one generation of the projections, inside the inbox's transaction (after its version
 * check). Every event carries the full snapshot, so applying it replaces the aggregate's contribution.
 */
@ApplicationScoped
public class Projector {

    @Inject
    ProjectionStore store;

    public void apply(int generation, IncomingEvent event) {
        String status = store.holdGeneration(generation);
        if (status == null) {
            return; // switched away and dropped since the event was routed to it
        }
        boolean active = Generations.ACTIVE.equals(status);
        Set<String> changedZones = new HashSet<>();
        switch (event.topic()) {
            case Topics.ZONES -> applyZone(generation, event, changedZones);
            case Topics.PROGRAMMES -> applyProgramme(generation, event);
            case Topics.PROJECTS -> applyProject(generation, event, changedZones);
            case Topics.INVESTORS -> store.saveInvestor(generation, event.key(), Snapshots.text(event.data(), "name"),
                    Snapshots.optionalText(event.data(), "kind"));
            case Topics.AGREEMENTS -> applyAgreement(generation, event, changedZones);
            default -> throw new PoisonEventException("no projection reads topic " + event.topic());
        }
        store.advanceClock(generation, event.topic(), event.envelope().time());
        if (active && !changedZones.isEmpty()) {
            store.markChanged(changedZones);
        }
    }

    private void applyZone(int generation, IncomingEvent event, Set<String> changedZones) {
        JsonNode data = event.data();
        String parent = Snapshots.optionalText(data, "parentCode");
        ProjectionStore.ZoneRow old = store.findZone(generation, event.key());
        store.saveZone(generation, event.key(), Snapshots.text(data, "name"), Snapshots.text(data, "kind"), parent);
        changedZones.add(event.key());
        if (old.known() && old.parentCode() != null && !Objects.equals(old.parentCode(), parent)) {
            changedZones.add(old.parentCode()); // its roll-up (and its ancestors') lost this zone
        }
    }

    private void applyProgramme(int generation, IncomingEvent event) {
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
        store.saveProgramme(generation, event.key(), Snapshots.text(data, "name"), Snapshots.text(data, "zoneCode"),
                Snapshots.optionalDate(data, "publishedOn"), Snapshots.number(declared, "projectCount"),
                Snapshots.money(declared, "investment"), categories);
    }

    private static JsonNode declared(JsonNode data) {
        JsonNode declared = data.get("declared");
        if (declared == null || !declared.isObject()) {
            throw new PoisonEventException("programme snapshot has no 'declared' figures");
        }
        return declared;
    }

    private void applyProject(int generation, IncomingEvent event, Set<String> changedZones) {
        ProjectState next = ProjectState.of(event.key(), event.data());
        ProjectState old = store.findProject(generation, event.key());
        store.addTotals(generation, next.contribution().minus(ProjectState.contributionOf(old)));
        store.saveProject(generation, next);
        changedZones.add(next.zoneCode());
        if (old != null) {
            changedZones.add(old.zoneCode());
        }
    }

    private void applyAgreement(int generation, IncomingEvent event, Set<String> changedZones) {
        AgreementState next = AgreementState.of(event.key(), event.data());
        AgreementState old = store.findAgreement(generation, event.key());
        store.addTotals(generation, next.contribution().minus(AgreementState.contributionOf(old)));
        store.saveAgreement(generation, next);
        changedZones.add(next.zoneCode());
        if (old != null) {
            changedZones.add(old.zoneCode());
        }
    }
}
