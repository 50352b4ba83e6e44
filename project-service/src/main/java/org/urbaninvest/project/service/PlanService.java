package org.urbaninvest.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.urbaninvest.platform.history.Version;
import org.urbaninvest.platform.history.VersionHistory;
import org.urbaninvest.platform.http.IfMatch;
import org.urbaninvest.platform.outbox.Outbox;
import org.urbaninvest.platform.paging.Page;
import org.urbaninvest.platform.problem.Problem;
import org.urbaninvest.platform.problem.ProblemException;
import org.urbaninvest.platform.security.ZoneScope;
import org.urbaninvest.platform.time.Clock;
import org.urbaninvest.project.domain.Indicator;
import org.urbaninvest.project.domain.Observation;
import org.urbaninvest.project.domain.PlanRules;
import org.urbaninvest.project.events.PlanPayload;
import org.urbaninvest.project.mapping.EventPayloads;
import org.urbaninvest.project.mapping.PlanMapper;
import org.urbaninvest.project.repository.PlanEntity;
import org.urbaninvest.project.repository.PlanRepository;
import org.urbaninvest.project.repository.ZoneRepository;

/** Zones' plans with their indicators; every change is published on {@code plans.v1}. */
@ApplicationScoped
@Transactional
public class PlanService {

    public static final String TOPIC = "plans.v1";
    private static final String AGGREGATE = "plan";
    /** The latest calendar date anywhere: an observation dated today in any time zone is not in the future. */
    private static final ZoneOffset LATEST_DATE = ZoneOffset.ofHours(14);

    @Inject
    Clock clock;

    @Inject
    PlanRepository plans;

    @Inject
    ZoneRepository zones;

    @Inject
    PlanMapper mapper;

    @Inject
    Outbox outbox;

    @Inject
    EventPayloads payloads;

    @Inject
    VersionHistory history;

    @Inject
    ZoneScope scope;

    /**
     * Publishes the plan a client sent: {@code draft} with its indicators already in their column, and
     * {@code indicators} as sent, for errors that name them by their place in the request.
     */
    public PlanEntity publish(PlanEntity draft, List<Indicator> indicators) {
        scope.requireWritable(draft.zoneCode, "zone " + draft.zoneCode + " of plan " + draft.code);
        requireRules(draft, indicators);
        if (plans.findById(draft.code) != null) {
            throw ProblemException.conflict("plan " + draft.code + " already exists");
        }
        requireZone(draft.zoneCode);
        PlanEntity plan = new PlanEntity();
        plan.code = draft.code;
        PlanMapper.copyOwnFields(draft, plan);
        plan.version = 1;
        plan.createdAt = clock.now();
        plan.updatedAt = plan.createdAt;
        plans.persist(plan);
        PlanPayload published = payloads.plan(plan);
        history.record(AGGREGATE, plan.code, plan.version, "published", published);
        outbox.publish(TOPIC, plan.code, "plan.published", published);
        return plan;
    }

    /** Replaces the whole plan ({@code draft}; its code may be left out), observations included. */
    public PlanEntity update(String code, String ifMatch, PlanEntity draft, List<Indicator> indicators) {
        PlanEntity plan = find(code);
        scope.requireWritable(plan.zoneCode, "plan " + code);
        if (!plan.zoneCode.equals(draft.zoneCode)) {
            scope.requireWritable(draft.zoneCode, "zone " + draft.zoneCode);
        }
        if (draft.code != null && !draft.code.equals(code)) {
            throw ProblemException.badRequest("code", "must be " + code + " (the plan in the path) or left out");
        }
        requireRules(draft, indicators);
        IfMatch.require(ifMatch, plan.version, "plan");
        if (!draft.zoneCode.equals(plan.zoneCode)) {
            requireZone(draft.zoneCode);
        }
        PlanEntity wanted = new PlanEntity();
        wanted.code = code;
        PlanMapper.copyOwnFields(draft, wanted);
        wanted.version = plan.version;
        wanted.createdAt = plan.createdAt;
        wanted.updatedAt = plan.updatedAt;
        if (payloads.plan(wanted).equals(payloads.plan(plan))) {
            return plan; // nothing changed: no new version, no event (the stored JSON is left as it is)
        }
        PlanMapper.copyOwnFields(draft, plan);
        return saveChange(plan, "updated", "plan.updated");
    }

    /**
     * Appends observations to one observed indicator. {@code ifMatch} is optional: when sent, the plan must still be
     * at that version.
     */
    public PlanEntity recordObservations(String code, String ifMatch, String indicatorCode,
            List<Observation> observations) {
        PlanEntity plan = find(code);
        scope.requireWritable(plan.zoneCode, "plan " + code);
        if (ifMatch != null && !ifMatch.isBlank()) {
            IfMatch.require(ifMatch, plan.version, "plan");
        }
        List<Indicator> indicators = new ArrayList<>(mapper.indicators(plan));
        int index = -1;
        for (int i = 0; i < indicators.size(); i++) {
            if (indicators.get(i).code().equals(indicatorCode)) {
                index = i;
            }
        }
        if (index < 0) {
            throw ProblemException.unprocessable("indicatorCode", "plan " + code + " has no indicator "
                    + indicatorCode);
        }
        Indicator indicator = indicators.get(index);
        if (indicator.derivedFrom() != null) {
            throw ProblemException.unprocessableContent("indicatorCode", "indicator " + indicatorCode
                    + " is derived from " + indicator.derivedFrom() + " and takes no observations");
        }
        List<Problem.FieldError> errors = PlanRules.checkAppended(indicator, PlanMapper.period(plan), observations,
                "observations", today());
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("observations break the plan's rules", errors);
        }
        indicators.set(index, PlanMapper.withObservations(indicator, observations));
        plan.indicators = mapper.write(indicators);
        return saveChange(plan, "observation-recorded", "plan.observation-recorded");
    }

    /** Every version of the plan, oldest first, with what changed from what to what. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Version> history(String code) {
        readable(code);
        return history.of(AGGREGATE, code);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanEntity get(String code) {
        return readable(code);
    }

    /** A page of plans by code; with {@code zone}, only that zone's; only those the caller's zones cover. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PlanEntity> list(String zone, int page, int size) {
        Set<String> visible = scope.visibleZones().orElse(null);
        if (visible != null && visible.isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        var query = ZoneLists.byZone(plans, zone, visible);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    private PlanEntity saveChange(PlanEntity plan, String change, String type) {
        plan.updatedAt = clock.now();
        plans.flush();
        PlanPayload changed = payloads.plan(plan);
        history.record(AGGREGATE, plan.code, plan.version, change, changed);
        outbox.publish(TOPIC, plan.code, type, changed);
        return plan;
    }

    private void requireRules(PlanEntity draft, List<Indicator> indicators) {
        List<Problem.FieldError> errors = PlanRules.check(PlanMapper.period(draft), indicators, today());
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("the plan breaks " + errors.size() + " rule(s)", errors);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.now(), LATEST_DATE);
    }

    /** The plan, if the caller's zones cover it: one outside answers as an unknown plan does. */
    private PlanEntity readable(String code) {
        PlanEntity plan = find(code);
        scope.requireReadable(plan.zoneCode, "no plan " + code);
        return plan;
    }

    private PlanEntity find(String code) {
        PlanEntity plan = plans.findById(code);
        if (plan == null) {
            throw ProblemException.notFound("no plan " + code);
        }
        return plan;
    }

    private void requireZone(String zoneCode) {
        if (zones.findById(zoneCode) == null) {
            throw ProblemException.unprocessable("zoneCode", "no zone " + zoneCode);
        }
    }
}
