package org.urbaninvest.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.persistence.LockModeType;
import org.urbaninvest.platform.history.Version;
import org.urbaninvest.platform.history.VersionHistory;
import org.urbaninvest.platform.http.IfMatch;
import org.urbaninvest.platform.outbox.Outbox;
import org.urbaninvest.platform.problem.ProblemException;
import org.urbaninvest.platform.security.ZoneScope;
import org.urbaninvest.project.mapping.ZoneMapper;
import org.urbaninvest.project.repository.ZoneEntity;
import org.urbaninvest.project.repository.ZoneNode;
import org.urbaninvest.project.repository.ZoneRepository;
import org.urbaninvest.platform.paging.Page;
import org.urbaninvest.platform.time.Clock;
import org.urbaninvest.project.events.ZonePayload;
import org.urbaninvest.project.mapping.EventPayloads;

/** Zones and their hierarchy; every change is published on {@code zones.v1}. */
@ApplicationScoped
@Transactional
public class ZoneService {

    public static final String TOPIC = "zones.v1";
    private static final String AGGREGATE = "zone";

    @Inject
    Clock clock;

    @Inject
    ZoneRepository zones;

    @Inject
    Outbox outbox;

    @Inject
    EventPayloads payloads;

    @Inject
    VersionHistory history;

    @Inject
    ZoneScope scope;

    /** Registers the zone a client sent ({@code draft}, built from the request). */
    public ZoneNode register(ZoneEntity draft) {
        scope.requireWritable(draft.parentCode, draft.parentCode == null ? "a top-level zone"
                : "zone " + draft.parentCode + ", the parent of " + draft.code + ",");
        if (zones.findById(draft.code) != null) {
            throw ProblemException.conflict("zone " + draft.code + " already exists");
        }
        requireParent(draft.parentCode);
        ZoneEntity zone = new ZoneEntity();
        zone.code = draft.code;
        ZoneMapper.copyClientFields(normalized(draft), zone);
        zone.version = 1;
        zone.createdAt = clock.now();
        zone.updatedAt = zone.createdAt;
        zones.persist(zone);
        ZonePayload registered = payloads.zone(zone, List.of());
        history.record(AGGREGATE, zone.code, zone.version, "registered", registered);
        outbox.publish(TOPIC, zone.code, "zone.registered", registered);
        return new ZoneNode(zone, List.of());
    }

    /** Replaces the zone by what a client sent ({@code draft}; its code may be left out). */
    public ZoneNode update(String code, String ifMatch, ZoneEntity draft) {
        // locked before the scope check locks its chain for share, so that two changes of one zone queue here
        ZoneEntity zone = zones.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (zone == null) {
            throw ProblemException.notFound("no zone " + code);
        }
        scope.requireWritable(code, "zone " + code);
        if (!java.util.Objects.equals(draft.parentCode, zone.parentCode)) {
            scope.requireWritable(draft.parentCode, draft.parentCode == null ? "a top-level zone"
                    : "zone " + draft.parentCode);
        }
        if (draft.code != null && !draft.code.equals(code)) {
            throw ProblemException.badRequest("code", "must be " + code + " (the zone in the path) or left out");
        }
        IfMatch.require(ifMatch, zone.version, "zone");
        String parent = draft.parentCode;
        if (parent != null && !parent.equals(zone.parentCode)) {
            requireParent(parent);
            if (zones.selfAndDescendants(code).contains(parent)) {
                throw ProblemException.conflict("zone " + parent + " is " + code + " itself or lies below it;"
                        + " re-parenting there would make a cycle");
            }
        }
        var before = payloads.zone(zone, List.of());
        ZoneMapper.copyClientFields(normalized(draft), zone);
        if (payloads.zone(zone, List.of()).equals(before)) {
            return withChildren(zone); // nothing changed: no new version, no event
        }
        zone.updatedAt = clock.now();
        zones.flush();
        history.record(AGGREGATE, code, zone.version, "updated", payloads.zone(zone, List.of()));
        ZoneNode updated = withChildren(zone);
        outbox.publish(TOPIC, code, "zone.updated", payloads.zone(zone, updated.children()));
        return updated;
    }

    /** Every version of the zone, oldest first, with what changed from what to what. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Version> history(String code) {
        readable(code);
        return history.of(AGGREGATE, code);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ZoneNode get(String code) {
        return withChildren(readable(code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ZoneNode> list(String parent, int page, int size) {
        Set<String> visible = scope.visibleZones().orElse(null);
        if (visible != null && visible.isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        boolean any = parent == null || parent.isBlank();
        var query = visible == null ? (any ? zones.find("order by code")
                : zones.find("parentCode = ?1 order by code", parent))
                : any ? zones.find("code in ?1 order by code", visible)
                : zones.find("parentCode = ?1 and code in ?2 order by code", parent, visible);
        List<ZoneEntity> found = query.page(page, size).list();
        Map<String, List<String>> children = zones.childrenOf(found.stream().map(z -> z.code).toList());
        return new Page<>(found.stream().map(z -> new ZoneNode(z, children.get(z.code))).toList(), page, size,
                query.count());
    }

    private ZoneNode withChildren(ZoneEntity zone) {
        return new ZoneNode(zone, zones.childrenOf(List.of(zone.code)).get(zone.code));
    }

    /** The zone, if the caller's zones cover it: one outside answers as an unknown zone does. */
    private ZoneEntity readable(String code) {
        ZoneEntity zone = find(code);
        scope.requireReadable(code, "no zone " + code);
        return zone;
    }

    private ZoneEntity find(String code) {
        ZoneEntity zone = zones.findById(code);
        if (zone == null) {
            throw ProblemException.notFound("no zone " + code);
        }
        return zone;
    }

    private void requireParent(String parentCode) {
        if (parentCode != null && zones.findById(parentCode) == null) {
            throw ProblemException.unprocessable("parentCode", "no zone " + parentCode);
        }
    }

    /** The area at the stored scale, so that re-sending the same zone is recognised as no change. */
    private static ZoneEntity normalized(ZoneEntity draft) {
        draft.areaKm2 = draft.areaKm2 == null ? null : draft.areaKm2.setScale(2);
        return draft;
    }
}
