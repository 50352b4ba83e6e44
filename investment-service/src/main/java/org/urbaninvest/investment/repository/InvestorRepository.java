package org.urbaninvest.investment.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class InvestorRepository implements PanacheRepositoryBase<InvestorEntity, UUID> {

    /** Investors by name; {@code q} (blank: any) matches a part of the name (any case) or the whole credit code. */
    public PanacheQuery<InvestorEntity> search(String q) {
        return q == null || q.isBlank()
                ? find("ORDER BY name, id")
                : find("WHERE locate(lower(:q), lower(name)) > 0 OR creditCode = upper(:q) ORDER BY name, id",
                        Parameters.with("q", q.strip()));
    }

    /** The investor holding this credit code, or null. */
    public InvestorEntity byCreditCode(String creditCode) {
        return find("creditCode", creditCode).firstResult();
    }
}
