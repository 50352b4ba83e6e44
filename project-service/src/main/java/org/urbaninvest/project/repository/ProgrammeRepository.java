package org.urbaninvest.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@ApplicationScoped
public class ProgrammeRepository implements PanacheRepositoryBase<ProgrammeEntity, String> {

    /** Every programme's category codes, for checking many references against one read. */
    public Map<String, Set<String>> categoriesByProgramme() {
        Map<String, Set<String>> categories = new HashMap<>();
        getEntityManager().createQuery("select p.code from ProgrammeEntity p", String.class).getResultList()
                .forEach(code -> categories.put(code, new HashSet<>()));
        List<Object[]> rows = getEntityManager().createQuery(
                "select c.programme.code, c.code from ProgrammeCategoryEntity c", Object[].class).getResultList();
        rows.forEach(row -> categories.get((String) row[0]).add((String) row[1]));
        return categories;
    }
}
