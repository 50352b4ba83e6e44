package org.urbaninvest.investment.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.urbaninvest.investment.domain.Stage;
import org.urbaninvest.investment.domain.AgreementFilter;

/** Agreement look-ups beyond the primary key: the filtered, paged list. */
@ApplicationScoped
public class AgreementRepository {

    /** The list filters; null means "any". */
    @Inject
    EntityManager entityManager;

    @SuppressWarnings("unchecked")
    public List<Agreement> page(AgreementFilter filter, int page, int size) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        Query query = entityManager.createNativeQuery("SELECT a.* FROM agreement a" + where
                + " ORDER BY a.created_at, a.id LIMIT " + size + " OFFSET " + ((long) page * size), Agreement.class);
        bind(query, parameters);
        return query.getResultList();
    }

    public long count(AgreementFilter filter) {
        List<Object> parameters = new ArrayList<>();
        Query query = entityManager.createNativeQuery("SELECT count(*) FROM agreement a" + where(filter, parameters));
        bind(query, parameters);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static String where(AgreementFilter filter, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE true");
        if (filter.project() != null) {
            parameters.add(filter.project());
            where.append(" AND a.project_code = ?").append(parameters.size());
        }
        if (filter.zone() != null) {
            parameters.add(filter.zone());
            int zone = parameters.size();
            if (filter.includeSubzones()) {
                // the zone and every zone below it, as far as zones.v1 has told us
                where.append(" AND a.zone_code IN (WITH RECURSIVE subtree(code) AS (SELECT CAST(?").append(zone)
                        .append(" AS TEXT) UNION SELECT z.code FROM zone_replica z JOIN subtree s")
                        .append(" ON z.parent_code = s.code) SELECT code FROM subtree)");
            } else {
                where.append(" AND a.zone_code = ?").append(zone);
            }
        }
        if (filter.stage() != null) {
            parameters.add(filter.stage().name());
            where.append(" AND a.stage = ?").append(parameters.size());
        }
        if (filter.investor() != null) {
            parameters.add(filter.investor());
            where.append(" AND a.investor_id = ?").append(parameters.size());
        }
        return where.toString();
    }

    private static void bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
    }
}
