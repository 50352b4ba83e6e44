package org.urbaninvest.investment.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.urbaninvest.investment.domain.ProjectRef;
import org.urbaninvest.platform.security.ZoneTree;

/**
 * The service's copies of project-service's projects and zones. Every write keeps the newest version: the
 * same project can arrive from {@code projects.v1} and from a REST look-up in any order.
 */
@ApplicationScoped
public class ReplicaRepository implements ZoneTree {

    /** The project (null when the replica has not seen it) and whether the investor exists. */
    public record Lookup(ProjectRef project, boolean investorKnown) {
    }

    @Inject
    EntityManager entityManager;

    /** Both checks of accepting an agreement in one round trip, each by primary key. */
    public Lookup lookup(String projectCode, UUID investorId) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                SELECT p.zone_code, p.status, p.version, EXISTS (SELECT 1 FROM investor i WHERE i.id = ?2)
                FROM (VALUES (1)) AS one LEFT JOIN project_replica p ON p.code = ?1""")
                .setParameter(1, projectCode)
                .setParameter(2, investorId)
                .getSingleResult();
        ProjectRef project = row[0] == null ? null
                : new ProjectRef(projectCode, (String) row[0], (String) row[1], ((Number) row[2]).longValue());
        return new Lookup(project, (Boolean) row[3]);
    }

    public void storeProject(ProjectRef project) {
        entityManager.createNativeQuery("""
                INSERT INTO project_replica (code, zone_code, status, version) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (code) DO UPDATE
                SET zone_code = EXCLUDED.zone_code, status = EXCLUDED.status, version = EXCLUDED.version
                WHERE project_replica.version < EXCLUDED.version""")
                .setParameter(1, project.code())
                .setParameter(2, project.zoneCode())
                .setParameter(3, project.status())
                .setParameter(4, project.version())
                .executeUpdate();
    }

    public void storeZone(String code, String parentCode, long version) {
        entityManager.createNativeQuery("""
                INSERT INTO zone_replica (code, parent_code, version) VALUES (?1, ?2, ?3)
                ON CONFLICT (code) DO UPDATE SET parent_code = EXCLUDED.parent_code, version = EXCLUDED.version
                WHERE zone_replica.version < EXCLUDED.version""")
                .setParameter(1, code)
                .setParameter(2, parentCode)
                .setParameter(3, version)
                .executeUpdate();
    }

    /** The replica's copy of a project, or null. */
    public ProjectRef project(String code) {
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT zone_code, status, version FROM project_replica WHERE code = ?1")
                .setParameter(1, code).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new ProjectRef(code, (String) row[0], (String) row[1], ((Number) row[2]).longValue());
    }

    /** The replica's copies of the projects among {@code codes}, by code (one query). */
    public Map<String, ProjectRef> projects(Collection<String> codes) {
        Map<String, ProjectRef> projects = new HashMap<>();
        if (codes.isEmpty()) {
            return projects;
        }
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT code, zone_code, status, version FROM project_replica WHERE code IN (:codes)")
                .setParameter("codes", codes).getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            projects.put((String) columns[0], new ProjectRef((String) columns[0], (String) columns[1],
                    (String) columns[2], ((Number) columns[3]).longValue()));
        }
        return projects;
    }

    /** The replica's copy of a zone, or null. */
    public ZoneRef zone(String code) {
        List<?> rows = entityManager.createNativeQuery("SELECT parent_code, version FROM zone_replica WHERE code = ?1")
                .setParameter(1, code).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new ZoneRef(code, (String) row[0], ((Number) row[1]).longValue());
    }

    /** Locked as in project-service; a zone that zones.v1 has not brought yet is itself, with no known ancestors. */
    @Override
    public Set<String> selfAndAncestors(String code) {
        Set<String> chain = ZoneTree.lockedChain(entityManager, "zone_replica", code);
        return chain.isEmpty() && code != null ? Set.of(code) : chain;
    }

    @Override
    public Set<String> selfAndDescendants(Collection<String> roots) {
        if (roots.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> codes = entityManager.createNativeQuery("""
                WITH RECURSIVE tree(code) AS (
                    SELECT code FROM zone_replica WHERE parent_code IN (:roots)
                    UNION
                    SELECT z.code FROM zone_replica z JOIN tree t ON z.parent_code = t.code)
                SELECT code FROM tree""").setParameter("roots", roots).getResultList();
        Set<String> zones = new HashSet<>(codes);
        zones.addAll(roots); // an agreement's zone counts even before zones.v1 has brought it
        return zones;
    }

    public record ZoneRef(String code, String parentCode, long version) {
    }
}
