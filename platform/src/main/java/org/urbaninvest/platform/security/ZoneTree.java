package org.urbaninvest.platform.security;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The zone hierarchy as one service knows it from its own data (project-service its zones, the others their
 * projections of {@code zones.v1}), for {@link ZoneScope}. Each service provides one bean of this type.
 */
public interface ZoneTree {

    /**
     * The zone and every zone above it; empty when the zone is unknown. In a writing transaction the rows walked
     * are locked against change (e.g. {@code FOR SHARE}) until it ends, so that no zone on the way can be moved
     * between the scope check and the write.
     */
    Set<String> selfAndAncestors(String zone);

    /** The given zones and every zone below them (the unknown ones left out). */
    Set<String> selfAndDescendants(Collection<String> zones);

    /**
     * The zone and its ancestors in {@code table} (columns {@code code}, {@code parent_code}), nearest first, empty
     * when the zone is not there. It walks up one row at a time, each read {@code FOR SHARE}: every row is locked as
     * it is read and read as last committed, so the chain is the current one and none of it can be re-parented
     * before the caller's transaction ends.
     */
    static Set<String> lockedChain(EntityManager entityManager, String table, String zone) {
        Set<String> chain = new LinkedHashSet<>();
        for (String at = zone; at != null && !chain.contains(at);) {
            List<?> parent = entityManager
                    .createNativeQuery("SELECT parent_code FROM " + table + " WHERE code = ?1 FOR SHARE")
                    .setParameter(1, at).getResultList();
            if (parent.isEmpty()) {
                break;
            }
            chain.add(at);
            at = (String) parent.get(0);
        }
        return chain;
    }
}
