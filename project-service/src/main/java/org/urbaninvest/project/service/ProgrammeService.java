package org.urbaninvest.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.urbaninvest.platform.http.IfMatch;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.urbaninvest.platform.outbox.Outbox;
import org.urbaninvest.platform.problem.Problem;
import org.urbaninvest.platform.problem.ProblemException;
import org.urbaninvest.project.mapping.ProgrammeMapper;
import org.urbaninvest.project.repository.ProgrammeCategoryEntity;
import org.urbaninvest.project.repository.ProgrammeEntity;
import org.urbaninvest.project.repository.ProgrammeRepository;
import org.urbaninvest.project.repository.ProjectRepository;
import org.urbaninvest.project.repository.ZoneRepository;
import org.urbaninvest.project.domain.Category;
import org.urbaninvest.platform.paging.Page;
import org.urbaninvest.project.rest.Programme;
import org.urbaninvest.project.rest.ProgrammeRequest;
import org.urbaninvest.platform.time.Clock;
import org.urbaninvest.project.mapping.EventPayloads;

/** Opportunity lists with their categories; every change is published on {@code programmes.v1}. */
@ApplicationScoped
@Transactional
public class ProgrammeService {

    public static final String TOPIC = "programmes.v1";

    @Inject
    Clock clock;

    @Inject
    ProgrammeRepository programmes;

    @Inject
    ZoneRepository zones;

    @Inject
    ProjectRepository projects;

    @Inject
    Outbox outbox;

    public Programme publish(ProgrammeRequest request) {
        requireDistinctCategories(request.categories());
        if (programmes.findById(request.code()) != null) {
            throw ProblemException.conflict("programme " + request.code() + " already exists");
        }
        requireZone(request.zoneCode());
        ProgrammeEntity programme = new ProgrammeEntity();
        programme.code = request.code();
        ProgrammeMapper.apply(request, programme);
        for (int i = 0; i < request.categories().size(); i++) {
            programme.categories.add(newCategory(programme, request.categories().get(i), i));
        }
        programme.version = 1;
        programme.createdAt = clock.now();
        programme.updatedAt = programme.createdAt;
        programmes.persist(programme);
        Programme published = ProgrammeMapper.toApi(programme);
        outbox.publish(TOPIC, programme.code, "programme.published", EventPayloads.programme(published));
        return published;
    }

    public Programme update(String code, String ifMatch, ProgrammeRequest request) {
        requireDistinctCategories(request.categories());
        ProgrammeEntity programme = find(code);
        if (request.code() != null && !request.code().equals(code)) {
            throw ProblemException.badRequest("code", "must be " + code + " (the programme in the path) or left out");
        }
        IfMatch.require(ifMatch, programme.version, "programme");
        if (!request.zoneCode().equals(programme.zoneCode)) {
            requireZone(request.zoneCode());
        }
        Programme before = ProgrammeMapper.toApi(programme);
        Map<String, ProgrammeCategoryEntity> existing = new HashMap<>();
        programme.categories.forEach(c -> existing.put(c.code, c));
        Set<String> kept = new HashSet<>();
        request.categories().forEach(c -> kept.add(c.code()));
        for (ProgrammeCategoryEntity category : programme.categories) {
            if (!kept.contains(category.code) && projects.anyInCategory(code, category.code)) {
                throw ProblemException.unprocessable("categories", "category " + category.code
                        + " has projects; move them to another category before removing it");
            }
        }
        ProgrammeMapper.apply(request, programme);
        programme.categories.removeIf(c -> !kept.contains(c.code));
        for (int i = 0; i < request.categories().size(); i++) {
            Category wanted = request.categories().get(i);
            ProgrammeCategoryEntity category = existing.get(wanted.code());
            if (category == null) {
                category = newCategory(programme, wanted, i);
                programme.categories.add(category);
            } else {
                ProgrammeMapper.apply(wanted, i, category);
            }
        }
        programme.categories.sort(java.util.Comparator.comparingInt(c -> c.position));
        if (ProgrammeMapper.toApi(programme).equals(before)) {
            return before; // nothing changed: no new version, no event
        }
        // the new time makes the programme row itself dirty, so its version rises once even when only
        // category rows (separate entities) changed
        programme.updatedAt = clock.now();
        programmes.flush();
        Programme updated = ProgrammeMapper.toApi(programme);
        outbox.publish(TOPIC, code, "programme.updated", EventPayloads.programme(updated));
        return updated;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Programme get(String code) {
        return ProgrammeMapper.toApi(find(code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Programme> list(String zone, int page, int size) {
        var query = zone == null || zone.isBlank() ? programmes.find("order by code")
                : programmes.find("zoneCode = ?1 order by code", zone);
        List<Programme> items = query.page(page, size).list().stream().map(ProgrammeMapper::toApi).toList();
        return new Page<>(items, page, size, query.count());
    }

    private ProgrammeEntity find(String code) {
        ProgrammeEntity programme = programmes.findById(code);
        if (programme == null) {
            throw ProblemException.notFound("no programme " + code);
        }
        return programme;
    }

    private void requireZone(String zoneCode) {
        if (zones.findById(zoneCode) == null) {
            throw ProblemException.unprocessable("zoneCode", "no zone " + zoneCode);
        }
    }

    private static ProgrammeCategoryEntity newCategory(ProgrammeEntity programme, Category category, int position) {
        ProgrammeCategoryEntity entity = new ProgrammeCategoryEntity();
        entity.programme = programme;
        entity.code = category.code();
        ProgrammeMapper.apply(category, position, entity);
        return entity;
    }

    private static void requireDistinctCategories(List<Category> categories) {
        Set<String> seen = new HashSet<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            if (!seen.add(categories.get(i).code())) {
                errors.add(new Problem.FieldError("categories[" + i + "].code",
                        "repeats category " + categories.get(i).code() + "; codes are unique within a programme"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("category codes repeat", errors);
        }
    }
}
