package org.urbaninvest.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.urbaninvest.platform.http.IfMatch;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.urbaninvest.platform.outbox.Outbox;
import org.urbaninvest.platform.problem.ProblemException;
import org.urbaninvest.project.mapping.ZoneMapper;
import org.urbaninvest.project.repository.ZoneEntity;
import org.urbaninvest.project.repository.ZoneRepository;
import org.urbaninvest.platform.paging.Page;
import org.urbaninvest.project.rest.Zone;
import org.urbaninvest.project.rest.ZoneRequest;
import org.urbaninvest.platform.time.Clock;
import org.urbaninvest.project.mapping.EventPayloads;

/** Zones and their hierarchy; every change is published on {@code zones.v1}. */
@ApplicationScoped
@Transactional
public class ZoneService {

    public static final String TOPIC = "zones.v1";

    @Inject
    Clock clock;

    @Inject
    ZoneRepository zones;

    @Inject
    Outbox outbox;

    public Zone register(ZoneRequest request) {
        if (zones.findById(request.code()) != null) {
            throw ProblemException.conflict("zone " + request.code() + " already exists");
        }
        requireParent(request.parentCode());
        ZoneEntity zone = new ZoneEntity();
        zone.code = request.code();
        ZoneMapper.apply(normalized(request), zone);
        zone.version = 1;
        zone.createdAt = clock.now();
        zone.updatedAt = zone.createdAt;
        zones.persist(zone);
        Zone created = ZoneMapper.toApi(zone, List.of());
        outbox.publish(TOPIC, zone.code, "zone.registered", EventPayloads.zone(created));
        return created;
    }

    public Zone update(String code, String ifMatch, ZoneRequest request) {
        ZoneEntity zone = find(code);
        if (request.code() != null && !request.code().equals(code)) {
            throw ProblemException.badRequest("code", "must be " + code + " (the zone in the path) or left out");
        }
        IfMatch.require(ifMatch, zone.version, "zone");
        String parent = request.parentCode();
        if (parent != null && !parent.equals(zone.parentCode)) {
            requireParent(parent);
            if (zones.selfAndDescendants(code).contains(parent)) {
                throw ProblemException.conflict("zone " + parent + " is " + code + " itself or lies below it;"
                        + " re-parenting there would make a cycle");
            }
        }
        Zone before = ZoneMapper.toApi(zone, List.of());
        ZoneMapper.apply(normalized(request), zone);
        if (ZoneMapper.toApi(zone, List.of()).equals(before)) {
            return toApi(zone); // nothing changed: no new version, no event
        }
        zone.updatedAt = clock.now();
        zones.flush();
        Zone updated = toApi(zone);
        outbox.publish(TOPIC, code, "zone.updated", EventPayloads.zone(updated));
        return updated;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Zone get(String code) {
        return toApi(find(code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Zone> list(String parent, int page, int size) {
        var query = parent == null || parent.isBlank() ? zones.find("order by code") : zones.find("parentCode = ?1 order by code", parent);
        List<ZoneEntity> found = query.page(page, size).list();
        Map<String, List<String>> children = zones.childrenOf(found.stream().map(z -> z.code).toList());
        return new Page<>(found.stream().map(z -> ZoneMapper.toApi(z, children.get(z.code))).toList(), page, size,
                query.count());
    }

    private Zone toApi(ZoneEntity zone) {
        return ZoneMapper.toApi(zone, zones.childrenOf(List.of(zone.code)).get(zone.code));
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
    private static ZoneRequest normalized(ZoneRequest r) {
        BigDecimal area = r.areaKm2() == null ? null : r.areaKm2().setScale(2);
        return new ZoneRequest(r.code(), r.name(), r.kind(), r.parentCode(), area, r.population(), r.regionCode(),
                r.description());
    }
}
