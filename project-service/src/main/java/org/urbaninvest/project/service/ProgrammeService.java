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
import org.urbaninvest.platform.security.ZoneScope;
import org.urbaninvest.project.mapping.ProgrammeMapper;
import org.urbaninvest.project.repository.ProgrammeCategoryEntity;
import org.urbaninvest.project.repository.ProgrammeEntity;
import org.urbaninvest.project.repository.ProgrammeRepository;
import org.urbaninvest.project.repository.ProjectRepository;
import org.urbaninvest.project.repository.ZoneRepository;
import org.urbaninvest.project.domain.Category;
import org.urbaninvest.platform.paging.Page;
import org.hibernate.Hibernate;
import org.urbaninvest.platform.time.Clock;
import org.urbaninvest.platform.history.Version;
import org.urbaninvest.platform.history.VersionHistory;
import org.urbaninvest.project.events.ProgrammePayload;
import org.urbaninvest.project.mapping.EventPayloads;

/** Opportunity lists with their categories; every change is published on {@code programmes.v1}. */
@ApplicationScoped
@Transactional
public class ProgrammeService {

    public static final String TOPIC = "programmes.v1";
    private static final String AGGREGATE = "programme";

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

    @Inject
    EventPayloads payloads;

    @Inject
    VersionHistory history;

    @Inject
    ZoneScope scope;

    /** Publishes the programme a client sent: its own fields ({@code draft}) and its categories, in order. */
    public ProgrammeEntity publish(ProgrammeEntity draft, List<Category> categories) {
        scope.requireWritable(draft.zoneCode, "zone " + draft.zoneCode + " of programme " + draft.code);
        requireDistinctCategories(categories);
        if (programmes.findById(draft.code) != null) {
            throw ProblemException.conflict("programme " + draft.code + " already exists");
        }
        requireZone(draft.zoneCode);
        ProgrammeEntity programme = new ProgrammeEntity();
        programme.code = draft.code;
        ProgrammeMapper.copyOwnFields(draft, programme);
        for (int i = 0; i < categories.size(); i++) {
            programme.categories.add(newCategory(programme, categories.get(i), i));
        }
        programme.version = 1;
        programme.createdAt = clock.now();
        programme.updatedAt = programme.createdAt;
        programmes.persist(programme);
        ProgrammePayload published = payloads.programme(programme);
        history.record(AGGREGATE, programme.code, programme.version, "published", published);
        outbox.publish(TOPIC, programme.code, "programme.published", published);
        return programme;
    }

    /** Replaces the programme's own fields ({@code draft}; its code may be left out) and its categories, by code. */
    public ProgrammeEntity update(String code, String ifMatch, ProgrammeEntity draft, List<Category> categories) {
        requireDistinctCategories(categories);
        ProgrammeEntity programme = find(code);
        scope.requireWritable(programme.zoneCode, "programme " + code);
        if (!programme.zoneCode.equals(draft.zoneCode)) {
            scope.requireWritable(draft.zoneCode, "zone " + draft.zoneCode);
        }
        if (draft.code != null && !draft.code.equals(code)) {
            throw ProblemException.badRequest("code", "must be " + code + " (the programme in the path) or left out");
        }
        IfMatch.require(ifMatch, programme.version, "programme");
        if (!draft.zoneCode.equals(programme.zoneCode)) {
            requireZone(draft.zoneCode);
        }
        var before = payloads.programme(programme);
        Map<String, ProgrammeCategoryEntity> existing = new HashMap<>();
        programme.categories.forEach(c -> existing.put(c.code, c));
        Set<String> kept = new HashSet<>();
        categories.forEach(c -> kept.add(c.code()));
        for (ProgrammeCategoryEntity category : programme.categories) {
            if (!kept.contains(category.code) && projects.anyInCategory(code, category.code)) {
                throw ProblemException.unprocessable("categories", "category " + category.code
                        + " has projects; move them to another category before removing it");
            }
        }
        ProgrammeMapper.copyOwnFields(draft, programme);
        programme.categories.removeIf(c -> !kept.contains(c.code));
        for (int i = 0; i < categories.size(); i++) {
            Category wanted = categories.get(i);
            ProgrammeCategoryEntity category = existing.get(wanted.code());
            if (category == null) {
                category = newCategory(programme, wanted, i);
                programme.categories.add(category);
            } else {
                ProgrammeMapper.apply(wanted, i, category);
            }
        }
        programme.categories.sort(java.util.Comparator.comparingInt(c -> c.position));
        if (payloads.programme(programme).equals(before)) {
            return programme; // nothing changed: no new version, no event
        }
        // the new time makes the programme row itself dirty, so its version rises once even when only
        // category rows (separate entities) changed
        programme.updatedAt = clock.now();
        programmes.flush();
        ProgrammePayload updated = payloads.programme(programme);
        history.record(AGGREGATE, code, programme.version, "updated", updated);
        outbox.publish(TOPIC, code, "programme.updated", updated);
        return programme;
    }

    /** Every version of the programme, oldest first, with what changed from what to what. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Version> history(String code) {
        readable(code);
        return history.of(AGGREGATE, code);
    }

    /** The programme with its categories loaded. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ProgrammeEntity get(String code) {
        ProgrammeEntity programme = readable(code);
        Hibernate.initialize(programme.categories);
        return programme;
    }

    /** A page of programmes, their categories loaded (one query for the page's categories). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ProgrammeEntity> list(String zone, int page, int size) {
        Set<String> visible = scope.visibleZones().orElse(null);
        if (visible != null && visible.isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        var query = ZoneLists.byZone(programmes, zone, visible);
        List<ProgrammeEntity> items = query.page(page, size).list();
        items.forEach(p -> Hibernate.initialize(p.categories));
        return new Page<>(items, page, size, query.count());
    }

    /** The programme, if the caller's zones cover it: one outside answers as an unknown programme does. */
    private ProgrammeEntity readable(String code) {
        ProgrammeEntity programme = find(code);
        scope.requireReadable(programme.zoneCode, "no programme " + code);
        return programme;
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
