package org.urbaninvest.project.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import org.urbaninvest.project.domain.Indicator;
import org.urbaninvest.project.domain.Observation;
import org.urbaninvest.project.domain.PlanPeriod;
import org.urbaninvest.project.domain.PlanSource;
import org.urbaninvest.project.domain.YearValue;
import org.urbaninvest.project.repository.PlanEntity;
import org.urbaninvest.project.rest.Plan;
import org.urbaninvest.project.rest.PlanRequest;

/**
 * Plan entity ⇄ API, and the plan's indicators column, written and read with the application's ObjectMapper. Stored
 * indicators keep the client's order; their targets are kept by year and their observations by date.
 */
@ApplicationScoped
public class PlanMapper {

    private static final TypeReference<List<Indicator>> INDICATORS = new TypeReference<>() { };

    @Inject
    ObjectMapper json;

    public Plan toApi(PlanEntity p) {
        return new Plan(p.code, p.zoneCode, p.title, source(p), period(p), indicators(p), p.version, p.createdAt,
                p.updatedAt);
    }

    /** What a client sent, as an unsaved plan: {@code code} as given (it may be left out on PUT). */
    public PlanEntity draft(PlanRequest request) {
        PlanEntity p = new PlanEntity();
        p.code = request.code();
        p.zoneCode = request.zoneCode();
        p.title = request.title();
        p.sourceTitle = request.source().title();
        p.sourceIssuer = request.source().issuer();
        p.sourceDate = request.source().date();
        p.sourceUrl = request.source().url();
        p.periodStart = request.period().startDate();
        p.periodEnd = request.period().endDate();
        p.indicators = write(request.indicators());
        return p;
    }

    /** Copies everything but the code, version and times. */
    public static void copyOwnFields(PlanEntity from, PlanEntity to) {
        to.zoneCode = from.zoneCode;
        to.title = from.title;
        to.sourceTitle = from.sourceTitle;
        to.sourceIssuer = from.sourceIssuer;
        to.sourceDate = from.sourceDate;
        to.sourceUrl = from.sourceUrl;
        to.periodStart = from.periodStart;
        to.periodEnd = from.periodEnd;
        to.indicators = from.indicators;
    }

    public static PlanSource source(PlanEntity p) {
        return new PlanSource(p.sourceTitle, p.sourceIssuer, p.sourceDate, p.sourceUrl);
    }

    public static PlanPeriod period(PlanEntity p) {
        return new PlanPeriod(p.periodStart, p.periodEnd);
    }

    public List<Indicator> indicators(PlanEntity p) {
        try {
            return json.readValue(p.indicators, INDICATORS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable indicators of plan " + p.code, e);
        }
    }

    /** The indicators as stored: targets by year, observations by date. */
    public String write(List<Indicator> indicators) {
        List<Indicator> ordered = indicators.stream().map(PlanMapper::ordered).toList();
        try {
            return json.writeValueAsString(ordered);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("indicators not writable as JSON", e);
        }
    }

    /** The indicator with {@code added} among its observations. */
    public static Indicator withObservations(Indicator i, List<Observation> added) {
        List<Observation> all = new java.util.ArrayList<>(i.observations());
        all.addAll(added);
        return new Indicator(i.code(), i.name(), i.unit(), i.aggregation(), i.derivedFrom(), i.baseline(),
                i.targets(), all);
    }

    private static Indicator ordered(Indicator i) {
        return new Indicator(i.code(), i.name(), i.unit(), i.aggregation(), i.derivedFrom(), i.baseline(),
                i.targets().stream().sorted(Comparator.comparing(YearValue::year)).toList(),
                i.observations().stream().sorted(Comparator.comparing(Observation::date)).toList());
    }
}
