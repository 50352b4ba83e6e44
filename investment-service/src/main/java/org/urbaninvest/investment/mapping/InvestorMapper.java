package org.urbaninvest.investment.mapping;

import org.urbaninvest.investment.repository.Investor;
import org.urbaninvest.investment.rest.InvestorView;

public final class InvestorMapper {

    private InvestorMapper() {
    }

    public static InvestorView toView(Investor investor) {
        return new InvestorView(investor.id, investor.name, investor.kind, investor.creditCode, investor.country,
                investor.version, investor.createdAt, investor.updatedAt);
    }
}
