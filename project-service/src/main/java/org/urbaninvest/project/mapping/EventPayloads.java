package org.urbaninvest.project.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.project.domain.ProjectStatus;
import org.urbaninvest.project.domain.ProjectType;
import org.urbaninvest.project.events.PlanPayload;
import org.urbaninvest.project.events.ProgrammePayload;
import org.urbaninvest.project.events.ProjectPayload;
import org.urbaninvest.project.events.ZonePayload;
import org.urbaninvest.project.repository.PlanEntity;
import org.urbaninvest.project.repository.ProgrammeEntity;
import org.urbaninvest.project.repository.ProjectEntity;
import org.urbaninvest.project.repository.ZoneEntity;

/**
 * Entity → event payload, field by field: the topics' contracts change only here, never as a side effect of a
 * change to the REST representation.
 */
@ApplicationScoped
public class EventPayloads {

    /** Reads the project's JSON columns. */
    @Inject
    ProjectMapper projects;

    /** Reads the plan's indicators column. */
    @Inject
    PlanMapper plans;

    /** {@code children}: the codes of the zones directly below. */
    public ZonePayload zone(ZoneEntity z, List<String> children) {
        return new ZonePayload(z.code, z.name, z.kind, z.parentCode, ZoneMapper.plain(z.areaKm2), z.population,
                z.regionCode, z.description, children, z.version, z.createdAt, z.updatedAt);
    }

    public ProgrammePayload programme(ProgrammeEntity p) {
        return new ProgrammePayload(p.code, p.name, p.zoneCode, p.publishedOn, ProgrammeMapper.declared(p),
                ProgrammeMapper.categories(p), p.version, p.createdAt, p.updatedAt);
    }

    public ProjectPayload project(ProjectEntity p) {
        return new ProjectPayload(p.code, p.name, p.zoneCode, p.programmeCode, p.categoryCode,
                ProjectStatus.fromValue(p.status), ProjectType.fromValue(p.type), p.sector,
                new Money(p.estimatedAmount, p.estimatedCurrency.trim()), p.plannedStart, p.plannedCompletion,
                projects.read(p.location, ProjectPayload.Location.class), projects.fundingSources(p),
                projects.milestones(p), projects.identifiers(p), p.description, p.version, p.createdAt, p.updatedAt);
    }

    public PlanPayload plan(PlanEntity p) {
        return new PlanPayload(p.code, p.zoneCode, p.title, PlanMapper.source(p), PlanMapper.period(p),
                plans.indicators(p), p.version, p.createdAt, p.updatedAt);
    }
}
