package org.urbaninvest.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.urbaninvest.platform.http.IfMatch;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.urbaninvest.platform.outbox.Outbox;
import org.urbaninvest.platform.problem.ProblemException;
import org.urbaninvest.platform.security.Actor;
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
import org.urbaninvest.project.rest.Project;
import org.urbaninvest.project.rest.ProjectRequest;
import org.urbaninvest.project.domain.ProjectStatus;
import org.urbaninvest.project.rest.ProjectVersion;
import org.urbaninvest.project.rest.StatusChange;
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

    public Project register(ProjectRequest request) {
        requireDates(request);
        if (projects.findById(request.code()) != null) {
            throw ProblemException.conflict("project " + request.code() + " already exists");
        }
        requireReferences(request);
        ProjectEntity project = new ProjectEntity();
        project.code = request.code();
        mapper.apply(request, project);
        project.version = 1;
        project.createdAt = clock.now();
        project.updatedAt = project.createdAt;
        projects.persist(project);
        Project created = mapper.toApi(project);
        record(created, "registered", ProjectMapper.setFields(project), null);
        outbox.publish(TOPIC, project.code, REGISTERED, EventPayloads.project(created));
        return created;
    }

    public Project replace(String code, String ifMatch, ProjectRequest request) {
        ProjectEntity project = find(code);
        if (request.code() != null && !request.code().equals(code)) {
            throw ProblemException.badRequest("code", "must be " + code + " (the project in the path) or left out");
        }
        requireDates(request);
        IfMatch.require(ifMatch, project.version, "project");
        requireReferences(request);
        requireMove(ProjectStatus.fromValue(project.status), request.status());
        Project before = mapper.toApi(project);
        ProjectEntity candidate = ProjectMapper.copy(project);
        mapper.apply(request, candidate);
        List<String> changed = mapper.changedFields(before, mapper.toApi(candidate));
        if (changed.isEmpty()) {
            return before; // nothing changed: no new version, no event
        }
        mapper.apply(request, project);
        return saveChange(project, "updated", changed, null, UPDATED);
    }

    public Project changeStatus(String code, StatusChange change) {
        ProjectEntity project = find(code);
        ProjectStatus current = ProjectStatus.fromValue(project.status);
        if (current == change.status()) {
            throw ProblemException.conflict("project " + code + " is already " + current);
        }
        requireMove(current, change.status());
        project.status = change.status().value();
        return saveChange(project, "status-changed", List.of("status"), change.reason(), STATUS_CHANGED);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Project get(String code) {
        return mapper.toApi(find(code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Project> list(ProjectFilter filter, int page, int size) {
        List<Project> items = projects.page(filter, page, size).stream().map(mapper::toApi).toList();
        return new Page<>(items, page, size, projects.count(filter));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProjectVersion> history(String code) {
        find(code);
        return projects.history(code).stream()
                .map(v -> new ProjectVersion(v.version, v.at, v.actor, v.change, readFields(v.changedFields), v.reason))
                .toList();
    }

    private Project saveChange(ProjectEntity project, String change, List<String> changed, String reason,
            String eventType) {
        project.updatedAt = clock.now();
        projects.flush(); // raises the version
        Project updated = mapper.toApi(project);
        record(updated, change, changed, reason);
        outbox.publish(TOPIC, project.code, eventType, EventPayloads.project(updated));
        return updated;
    }

    private void record(Project snapshot, String change, List<String> changedFields, String reason) {
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

    private List<String> readFields(String json) {
        return mapper.readStrings(json);
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

    private static void requireDates(ProjectRequest request) {
        if (request.plannedStart() != null && request.plannedCompletion() != null
                && request.plannedCompletion().isBefore(request.plannedStart())) {
            throw ProblemException.badRequest("plannedCompletion", "must not be before plannedStart");
        }
    }

    private void requireReferences(ProjectRequest request) {
        if (zones.findById(request.zoneCode()) == null) {
            throw ProblemException.unprocessable("zoneCode", "no zone " + request.zoneCode());
        }
        if (request.programmeCode() != null) {
            ProgrammeEntity programme = programmes.findById(request.programmeCode());
            if (programme == null) {
                throw ProblemException.unprocessable("programmeCode", "no programme " + request.programmeCode());
            }
            if (request.categoryCode() != null
                    && programme.categories.stream().map((ProgrammeCategoryEntity c) -> c.code)
                            .noneMatch(request.categoryCode()::equals)) {
                throw ProblemException.unprocessable("categoryCode", "programme " + request.programmeCode()
                        + " has no category " + request.categoryCode());
            }
        } else if (request.categoryCode() != null) {
            throw ProblemException.unprocessable("categoryCode", "a category needs its programmeCode");
        }
    }
}
