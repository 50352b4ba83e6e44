package org.urbaninvest.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.urbaninvest.platform.http.IfMatch;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.urbaninvest.platform.outbox.Outbox;
import org.urbaninvest.platform.problem.ProblemException;
import org.urbaninvest.platform.security.Actor;
import org.urbaninvest.platform.security.ZoneScope;
import org.urbaninvest.project.mapping.ProjectMapper;
import org.urbaninvest.project.repository.ProgrammeCategoryEntity;
import org.urbaninvest.project.repository.ProgrammeEntity;
import org.urbaninvest.project.repository.ProgrammeRepository;
import org.urbaninvest.project.repository.ProjectEntity;
import org.urbaninvest.project.domain.ProjectFilter;
import org.urbaninvest.project.repository.ProjectRepository;
import org.urbaninvest.project.repository.ProjectVersionEntity;
import org.urbaninvest.project.repository.ZoneRepository;
import org.urbaninvest.platform.paging.Page;
import org.urbaninvest.project.domain.ProjectStatus;
import org.urbaninvest.project.events.ProjectPayload;
import org.urbaninvest.platform.time.Clock;
import org.urbaninvest.project.mapping.EventPayloads;

/** Projects: registration, full replacement, status moves and history; every change goes to {@code projects.v1}. */
@ApplicationScoped
@Transactional
public class ProjectService {

    public static final String TOPIC = "projects.v1";
    public static final String REGISTERED = "project.registered";
    public static final String UPDATED = "project.updated";
    public static final String STATUS_CHANGED = "project.status-changed";

    @Inject
    Clock clock;

    @Inject
    ProjectRepository projects;

    @Inject
    ZoneRepository zones;

    @Inject
    ProgrammeRepository programmes;

    @Inject
    ProjectMapper mapper;

    @Inject
    Outbox outbox;

    @Inject
    Actor actor;

    @Inject
    ZoneScope scope;

    @Inject
    EventPayloads payloads;

    /** Registers the project a client sent ({@code draft}, built from the request). */
    public ProjectEntity register(ProjectEntity draft) {
        scope.requireWritable(draft.zoneCode, "zone " + draft.zoneCode + " of project " + draft.code);
        requireDates(draft);
        if (projects.findById(draft.code) != null) {
            throw ProblemException.conflict("project " + draft.code + " already exists");
        }
        requireReferences(draft);
        ProjectEntity project = new ProjectEntity();
        project.code = draft.code;
        ProjectMapper.copyClientFields(draft, project);
        project.version = 1;
        project.createdAt = clock.now();
        project.updatedAt = project.createdAt;
        projects.persist(project);
        ProjectPayload created = payloads.project(project);
        record(created, "registered", ProjectMapper.setFields(project), null);
        outbox.publish(TOPIC, project.code, REGISTERED, created);
        return project;
    }

    /** Replaces the project by what a client sent ({@code draft}; its code may be left out). */
    public ProjectEntity replace(String code, String ifMatch, ProjectEntity draft) {
        ProjectEntity project = find(code);
        scope.requireWritable(project.zoneCode, "project " + code);
        if (!project.zoneCode.equals(draft.zoneCode)) {
            scope.requireWritable(draft.zoneCode, "zone " + draft.zoneCode);
        }
        if (draft.code != null && !draft.code.equals(code)) {
            throw ProblemException.badRequest("code", "must be " + code + " (the project in the path) or left out");
        }
        requireDates(draft);
        IfMatch.require(ifMatch, project.version, "project");
        requireReferences(draft);
        requireMove(ProjectStatus.fromValue(project.status), ProjectStatus.fromValue(draft.status));
        ProjectEntity candidate = ProjectMapper.copy(project);
        ProjectMapper.copyClientFields(draft, candidate);
        List<String> changed = mapper.changedFields(payloads.project(project), payloads.project(candidate));
        if (changed.isEmpty()) {
            return project; // nothing changed: no new version, no event
        }
        ProjectMapper.copyClientFields(draft, project);
        return saveChange(project, "updated", changed, null, UPDATED);
    }

    public ProjectEntity changeStatus(String code, ProjectStatus status, String reason) {
        ProjectEntity project = find(code);
        scope.requireWritable(project.zoneCode, "project " + code);
        ProjectStatus current = ProjectStatus.fromValue(project.status);
        if (current == status) {
            throw ProblemException.conflict("project " + code + " is already " + current);
        }
        requireMove(current, status);
        project.status = status.value();
        return saveChange(project, "status-changed", List.of("status"), reason, STATUS_CHANGED);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProjectEntity get(String code) {
        return readable(code);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ProjectEntity> list(ProjectFilter filter, int page, int size) {
        return new Page<>(projects.page(filter, page, size), page, size, projects.count(filter));
    }

    /** Every version of the project, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProjectVersionEntity> history(String code) {
        readable(code);
        return projects.history(code);
    }

    private ProjectEntity saveChange(ProjectEntity project, String change, List<String> changed, String reason,
            String eventType) {
        project.updatedAt = clock.now();
        projects.flush(); // raises the version
        ProjectPayload updated = payloads.project(project);
        record(updated, change, changed, reason);
        outbox.publish(TOPIC, project.code, eventType, updated);
        return project;
    }

    /** A history entry; its snapshot is the version's event payload (the same fields as the representation). */
    private void record(ProjectPayload snapshot, String change, List<String> changedFields, String reason) {
        ProjectVersionEntity version = new ProjectVersionEntity();
        version.projectCode = snapshot.code();
        version.version = snapshot.version();
        version.at = snapshot.updatedAt();
        version.actor = actor.name();
        version.change = change;
        version.reason = reason;
        version.changedFields = mapper.write(changedFields);
        version.snapshot = mapper.write(snapshot);
        projects.getEntityManager().persist(version);
    }

    /** The project, if the caller's zones cover it: one outside answers as an unknown project does. */
    private ProjectEntity readable(String code) {
        ProjectEntity project = find(code);
        scope.requireReadable(project.zoneCode, "no project " + code);
        return project;
    }

    private ProjectEntity find(String code) {
        ProjectEntity project = projects.findById(code);
        if (project == null) {
            throw ProblemException.notFound("no project " + code);
        }
        return project;
    }

    static void requireMove(ProjectStatus from, ProjectStatus to) {
        if (from != to && !from.canMoveTo(to)) {
            throw ProblemException.conflict("a project cannot move from " + from + " to " + to
                    + (from == ProjectStatus.CANCELLED ? ": cancelled is final"
                            : ": statuses only move forward, or to cancelled"));
        }
    }

    private static void requireDates(ProjectEntity draft) {
        if (draft.plannedStart != null && draft.plannedCompletion != null
                && draft.plannedCompletion.isBefore(draft.plannedStart)) {
            throw ProblemException.badRequest("plannedCompletion", "must not be before plannedStart");
        }
    }

    private void requireReferences(ProjectEntity draft) {
        if (zones.findById(draft.zoneCode) == null) {
            throw ProblemException.unprocessable("zoneCode", "no zone " + draft.zoneCode);
        }
        if (draft.programmeCode != null) {
            ProgrammeEntity programme = programmes.findById(draft.programmeCode);
            if (programme == null) {
                throw ProblemException.unprocessable("programmeCode", "no programme " + draft.programmeCode);
            }
            if (draft.categoryCode != null
                    && programme.categories.stream().map((ProgrammeCategoryEntity c) -> c.code)
                            .noneMatch(draft.categoryCode::equals)) {
                throw ProblemException.unprocessable("categoryCode", "programme " + draft.programmeCode
                        + " has no category " + draft.categoryCode);
            }
        } else if (draft.categoryCode != null) {
            throw ProblemException.unprocessable("categoryCode", "a category needs its programmeCode");
        }
    }
}
