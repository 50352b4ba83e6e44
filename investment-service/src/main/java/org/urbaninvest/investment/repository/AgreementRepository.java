package org.urbaninvest.investment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import org.urbaninvest.investment.domain.Stage;
import org.urbaninvest.investment.domain.AgreementFilter;

/** Agreements with their history and disbursements; beyond the primary key, the filtered, paged list. */
@ApplicationScoped
public class AgreementRepository implements PanacheRepositoryBase<AgreementEntity, UUID> {

    /** Stores a new history entry of an agreement already stored. */
    public void persist(HistoryEntryEntity entry) {
        getEntityManager().persist(entry);
    }

    /** Stores a new disbursement of an agreement already stored. */
    public void persist(DisbursementEntity disbursement) {
        getEntityManager().persist(disbursement);
    }

    /** One page of the agreements matching {@code filter}, oldest first. */
    @SuppressWarnings("unchecked")
    public List<AgreementEntity> page(AgreementFilter filter, int page, int size) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        Query query = getEntityManager().createNativeQuery("SELECT a.* FROM agreement a" + where
                        + " ORDER BY a.created_at, a.id LIMIT " + size + " OFFSET " + ((long) page * size),
                AgreementEntity.class);
        bind(query, parameters);
        return query.getResultList();
    }

    public long count(AgreementFilter filter) {
        List<Object> parameters = new ArrayList<>();
        Query query = getEntityManager()
                .createNativeQuery("SELECT count(*) FROM agreement a" + where(filter, parameters));
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
        if (filter.zonesInScope() != null) { // the zones a zone-scoped caller may see
            StringJoiner in = new StringJoiner(", ", " AND a.zone_code IN (", ")").setEmptyValue(" AND FALSE");
            for (String zone : filter.zonesInScope()) {
                parameters.add(zone);
                in.add("?" + parameters.size());
            }
            where.append(in);
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
