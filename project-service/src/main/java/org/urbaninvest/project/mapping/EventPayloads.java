package org.urbaninvest.project.mapping;

import org.urbaninvest.project.events.ProgrammePayload;
import org.urbaninvest.project.events.ProjectPayload;
import org.urbaninvest.project.events.ZonePayload;
import org.urbaninvest.project.rest.Geometry;
import org.urbaninvest.project.rest.Programme;
import org.urbaninvest.project.rest.Project;
import org.urbaninvest.project.rest.Zone;

/**
 * Representation ⇄ event payload, field by field: the topics' contracts change only here, never as a side effect
 * of a change to the REST representation.
 */
public final class EventPayloads {

    private EventPayloads() {
    }

    public static ZonePayload zone(Zone z) {
        return new ZonePayload(z.code(), z.name(), z.kind(), z.parentCode(), z.areaKm2(), z.population(),
                z.regionCode(), z.description(), z.children(), z.version(), z.createdAt(), z.updatedAt());
    }

    public static ProgrammePayload programme(Programme p) {
        return new ProgrammePayload(p.code(), p.name(), p.zoneCode(), p.publishedOn(), p.declared(), p.categories(),
                p.version(), p.createdAt(), p.updatedAt());
    }

    public static ProjectPayload project(Project p) {
        return new ProjectPayload(p.code(), p.name(), p.zoneCode(), p.programmeCode(), p.categoryCode(), p.status(),
                p.type(), p.sector(), p.estimatedInvestment(), p.plannedStart(), p.plannedCompletion(), location(p.location()),
                p.fundingSources(), p.milestones(), p.identifiers(), p.description(), p.version(), p.createdAt(),
                p.updatedAt());
    }

    private static ProjectPayload.Location location(Geometry g) {
        return g == null ? null : new ProjectPayload.Location(g.type(), g.coordinates());
    }
}
