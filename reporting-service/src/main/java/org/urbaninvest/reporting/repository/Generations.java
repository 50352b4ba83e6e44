package org.urbaninvest.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.Session;
import org.urbaninvest.reporting.events.Topics;

/**
 * The generations of the projections: one ACTIVE answering reports, at most one BUILDING filled by a rebuild.
 * Methods run in the caller's transaction.
 */
@ApplicationScoped
public class Generations {

    public static final String ACTIVE = "ACTIVE";
    public static final String BUILDING = "BUILDING";

    /** Every table holding rows of a generation. */
    private static final List<String> TABLES = List.of("generation_clock", "zone_view", "programme_view",
            "programme_category_view", "project_view", "investor_view", "agreement_view", "zone_project_totals",
            "zone_agreement_totals", "zone_agreement_days", "zone_timeseries", "programme_category_totals", "plan_view");

    @Inject
    EntityManager entityManager;

    /** The generations live events must be applied to: the active one and the one being built, if any. */
    @SuppressWarnings("unchecked")
    public List<Integer> open() {
        return ((List<Number>) entityManager.createNativeQuery(
                "SELECT generation FROM projection_generation ORDER BY generation").getResultList())
                .stream().map(Number::intValue).toList();
    }

    @SuppressWarnings("unchecked")
    public List<Integer> building() {
        return ((List<Number>) entityManager.createNativeQuery(
                "SELECT generation FROM projection_generation WHERE status = 'BUILDING'").getResultList())
                .stream().map(Number::intValue).toList();
    }

    /** Opens a new generation to build; {@code null} if one is being built already. */
    public Integer openBuilding() {
        entityManager.createNativeQuery("LOCK TABLE projection_generation IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
        if (!building().isEmpty()) {
            return null;
        }
        int next = ((Number) entityManager.createNativeQuery(
                "SELECT COALESCE(max(generation), 0) + 1 FROM projection_generation").getSingleResult()).intValue();
        entityManager.createNativeQuery(
                "INSERT INTO projection_generation (generation, status) VALUES (?1, 'BUILDING')")
                .setParameter(1, next).executeUpdate();
        return next;
    }

    /**
     * Makes {@code built} the active generation and drops the previous one, atomically: a report reads either
     * the old figures or the new ones. Waits for events being applied to either generation (they hold it).
     */
    public void switchTo(int built) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT generation, status FROM projection_generation ORDER BY generation FOR UPDATE").getResultList();
        Integer previous = null;
        boolean found = false;
        for (Object[] row : rows) {
            int generation = ((Number) row[0]).intValue();
            if (ACTIVE.equals(row[1])) {
                previous = generation;
            }
            found |= generation == built && BUILDING.equals(row[1]);
        }
        if (!found) {
            throw new IllegalStateException("generation " + built + " is not being built");
        }
        if (previous != null) {
            entityManager.createNativeQuery("DELETE FROM projection_generation WHERE generation = ?1")
                    .setParameter(1, previous).executeUpdate();
            dropRows(previous);
        }
        entityManager.createNativeQuery(
                "UPDATE projection_generation SET status = 'ACTIVE', activated_at = now() WHERE generation = ?1")
                .setParameter(1, built).executeUpdate();
        // republish every zone's summary from the new figures, and evaluate every zone's findings on them (only those
        // that differ from the ones published are published)
        for (ZoneMarks marks : ZoneMarks.values()) {
            entityManager.unwrap(Session.class).doReturningWork(connection -> marks.insertAll(connection, built));
        }
    }

    /** Drops a generation that is not active (an abandoned or failed build). */
    public void drop(int generation) {
        int deleted = entityManager.createNativeQuery(
                "DELETE FROM projection_generation WHERE generation = ?1 AND status <> 'ACTIVE'")
                .setParameter(1, generation).executeUpdate();
        if (deleted == 1) {
            dropRows(generation);
        }
    }

    private void dropRows(int generation) {
        for (String table : TABLES) {
            entityManager.createNativeQuery("DELETE FROM " + table + " WHERE generation = ?1")
                    .setParameter(1, generation).executeUpdate();
        }
        for (String topic : Topics.CONSUMED) {
            entityManager.createNativeQuery("DELETE FROM consumed_version WHERE stream = ?1")
                    .setParameter(1, Topics.stream(topic, generation)).executeUpdate();
        }
    }
}
