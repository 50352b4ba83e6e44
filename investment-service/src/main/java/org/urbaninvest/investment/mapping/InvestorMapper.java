package org.urbaninvest.investment.mapping;

import org.urbaninvest.investment.repository.InvestorEntity;
import org.urbaninvest.investment.rest.Investor;
import org.urbaninvest.investment.rest.InvestorRequest;
import org.urbaninvest.platform.paging.Page;

public final class InvestorMapper {

    private InvestorMapper() {
    }

    public static Investor toResponse(InvestorEntity investor) {
        return new Investor(investor.id, investor.name, investor.kind, investor.creditCode, investor.country,
                investor.version, investor.createdAt, investor.updatedAt);
    }

    /** A page of investors as the API shows it. */
    public static Page<Investor> toResponse(Page<InvestorEntity> page) {
        return page.map(InvestorMapper::toResponse);
    }

    /** What a client sets of an investor (the name stripped of blanks); id, version and times are the service's. */
    public static InvestorEntity draft(InvestorRequest request) {
        InvestorEntity draft = new InvestorEntity();
        draft.name = request.name().strip();
        draft.kind = request.kind();
        draft.creditCode = request.creditCode();
        draft.country = request.country();
        return draft;
    }
}
