package org.urbaninvest.project.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import java.util.Set;

/** The list query of things that belong to a zone (a {@code zoneCode} field), by code, as a caller may see them. */
final class ZoneLists {

    private ZoneLists() {
    }

    /**
     * Everything, or only {@code zone}'s when it is given; with {@code visible} (the caller's zones and those below,
     * null when unscoped; not empty), only what lies in those.
     */
    static <E> PanacheQuery<E> byZone(PanacheRepositoryBase<E, String> repository, String zone, Set<String> visible) {
        boolean any = zone == null || zone.isBlank();
        return visible == null ? (any ? repository.find("order by code")
                : repository.find("zoneCode = ?1 order by code", zone))
                : any ? repository.find("zoneCode in ?1 order by code", visible)
                : repository.find("zoneCode = ?1 and zoneCode in ?2 order by code", zone, visible);
    }
}
