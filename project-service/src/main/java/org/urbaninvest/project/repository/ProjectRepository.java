package org.urbaninvest.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.List;
import org.urbaninvest.project.domain.ProjectFilter;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<ProjectEntity, String> {

    public static final String COLUMNS = "code, name, zone_code, programme_code, category_code, status, type, sector,"
            + " estimated_investment_amount, estimated_investment_currency, planned_start, planned_completion,"
            + " location, funding_sources, milestones, identifiers, description, version, created_at, updated_at";

    public List<ProjectEntity> page(ProjectFilter filter, int page, int size) {
        ProjectConditions.Sql where = ProjectConditions.where(filter);
        Query query = getEntityManager().createNativeQuery("SELECT " + COLUMNS + " FROM project WHERE "
                + where.condition() + " ORDER BY code LIMIT ? OFFSET ?", ProjectEntity.class);
        int index = bind(query, where.parameters());
        query.setParameter(index, size);
        query.setParameter(index + 1, (long) page * size);
        @SuppressWarnings("unchecked")
        List<ProjectEntity> projects = query.getResultList();
        return projects;
    }

    public long count(ProjectFilter filter) {
        ProjectConditions.Sql where = ProjectConditions.where(filter);
        Query query = getEntityManager().createNativeQuery("SELECT count(*) FROM project WHERE " + where.condition(),
                Long.class);
        bind(query, where.parameters());
        return ((Number) query.getSingleResult()).longValue();
    }

    public boolean anyInCategory(String programme, String category) {
        return count("programmeCode = ?1 and categoryCode = ?2", programme, category) > 0;
    }

    public List<ProjectVersionEntity> history(String code) {
        return getEntityManager().createQuery(
                "from ProjectVersionEntity v where v.projectCode = ?1 order by v.version", ProjectVersionEntity.class)
                .setParameter(1, code).getResultList();
    }

    private static int bind(Query query, List<Object> parameters) {
        int index = 1;
        for (Object parameter : parameters) {
            query.setParameter(index++, parameter);
        }
        return index;
    }
}
