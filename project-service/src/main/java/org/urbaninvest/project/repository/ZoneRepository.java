package org.urbaninvest.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.urbaninvest.platform.security.ZoneTree;

@ApplicationScoped
public class ZoneRepository implements PanacheRepositoryBase<ZoneEntity, String>, ZoneTree {

    @Override
    public Set<String> selfAndAncestors(String code) {
        return ZoneTree.lockedChain(getEntityManager(), "zone", code);
    }

    @Override
    public Set<String> selfAndDescendants(Collection<String> roots) {
        if (roots.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> codes = getEntityManager().createNativeQuery("""
                WITH RECURSIVE tree(code) AS (
                    SELECT code FROM zone WHERE code IN (:roots)
                    UNION
                    SELECT z.code FROM zone z JOIN tree t ON z.parent_code = t.code)
                SELECT code FROM tree""").setParameter("roots", roots).getResultList();
        return new HashSet<>(codes);
    }

    /** The zone and every zone below it, in one recursive query. */
    public List<String> selfAndDescendants(String code) {
        @SuppressWarnings("unchecked")
        List<String> codes = getEntityManager().createNativeQuery("""
                WITH RECURSIVE tree(code) AS (
                    SELECT code FROM zone WHERE code = :code
                    UNION ALL
                    SELECT z.code FROM zone z JOIN tree t ON z.parent_code = t.code)
                SELECT code FROM tree""").setParameter("code", code).getResultList();
        return codes;
    }

    /** The children's codes of each given zone, in code order, in one query. */
    public Map<String, List<String>> childrenOf(Collection<String> parents) {
        Map<String, List<String>> children = new TreeMap<>();
        parents.forEach(parent -> children.put(parent, new java.util.ArrayList<>()));
        if (parents.isEmpty()) {
            return children;
        }
        List<Object[]> rows = getEntityManager().createQuery(
                "select z.parentCode, z.code from ZoneEntity z where z.parentCode in :parents order by z.code",
                Object[].class).setParameter("parents", parents).getResultList();
        rows.forEach(row -> children.get((String) row[0]).add((String) row[1]));
        return children;
    }

    public Set<String> allCodes() {
        return new HashSet<>(getEntityManager().createQuery("select z.code from ZoneEntity z", String.class)
                .getResultList());
    }

    public Set<String> existing(Collection<String> codes) {
        return new TreeSet<>(getEntityManager().createQuery("select z.code from ZoneEntity z where z.code in :codes",
                String.class).setParameter("codes", codes).getResultList());
    }
}
