package org.urbaninvest.investment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.urbaninvest.investment.events.InvestorPayload;
import org.urbaninvest.investment.mapping.EventPayloads;
import org.urbaninvest.investment.repository.InvestorEntity;
import org.urbaninvest.investment.repository.InvestorRepository;
import org.urbaninvest.platform.history.Version;
import org.urbaninvest.platform.history.VersionHistory;
import org.urbaninvest.platform.http.IfMatch;
import org.urbaninvest.platform.outbox.Outbox;
import org.urbaninvest.platform.paging.Page;
import org.urbaninvest.platform.problem.ProblemException;
import org.urbaninvest.platform.time.Clock;

/** Investors; every change is published on {@code investors.v1}. */
@ApplicationScoped
@Transactional
public class InvestorService {

    public static final String TOPIC = "investors.v1";
    private static final String AGGREGATE = "investor";

    @Inject
    Clock clock;

    @Inject
    InvestorRepository investors;

    @Inject
    Outbox outbox;

    @Inject
    VersionHistory history;

    /** Registers the investor a client described ({@code draft}: name, kind, credit code, country). */
    public InvestorEntity register(InvestorEntity draft) {
        requireFreeCreditCode(draft.creditCode, null);
        InvestorEntity investor = new InvestorEntity();
        investor.id = UUID.randomUUID();
        apply(draft, investor);
        investor.createdAt = investor.updatedAt = clock.now();
        investors.persist(investor);
        return publish(investor, "registered", "investor.registered");
    }

    /**
     * Replaces an investor's data with the draft's, if {@code ifMatch} names its current version (or is {@code *}).
     *
     * @param ifMatch the {@code If-Match} header as sent; absent is 428, another version 412
     */
    public InvestorEntity update(UUID id, String ifMatch, InvestorEntity draft) {
        InvestorEntity investor = find(id);
        IfMatch.require(ifMatch, investor.version, "investor");
        if (Objects.equals(investor.name, draft.name) && investor.kind == draft.kind
                && Objects.equals(investor.creditCode, draft.creditCode)
                && Objects.equals(investor.country, draft.country)) {
            return investor; // nothing to change: no new version, no event
        }
        requireFreeCreditCode(draft.creditCode, id);
        apply(draft, investor);
        investor.updatedAt = clock.now();
        investors.flush(); // the version check and increment happen here, inside the request
        return publish(investor, "updated", "investor.updated");
    }

    /** Every version of the investor, oldest first, with what changed from what to what. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Version> history(UUID id) {
        find(id);
        return history.of(AGGREGATE, id.toString());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InvestorEntity get(UUID id) {
        return find(id);
    }

    /** Investors by name; {@code q} matches a part of the name (any case) or the whole credit code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<InvestorEntity> list(String q, int page, int size) {
        var query = investors.search(q);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    private void requireFreeCreditCode(String creditCode, UUID self) {
        if (creditCode == null) {
            return;
        }
        InvestorEntity holder = investors.byCreditCode(creditCode);
        if (holder != null && !holder.id.equals(self)) {
            throw ProblemException.conflict("credit code " + creditCode + " is already registered to investor "
                    + holder.id);
        }
    }

    private static void apply(InvestorEntity draft, InvestorEntity investor) {
        investor.name = draft.name;
        investor.kind = draft.kind;
        investor.creditCode = draft.creditCode;
        investor.country = draft.country;
    }

    /** Records the new version in the investor's history and publishes it as {@code type}. */
    private InvestorEntity publish(InvestorEntity investor, String change, String type) {
        InvestorPayload snapshot = EventPayloads.investor(investor);
        history.record(AGGREGATE, investor.id.toString(), investor.version, change, snapshot);
        outbox.publish(TOPIC, investor.id.toString(), type, snapshot);
        return investor;
    }

    private InvestorEntity find(UUID id) {
        InvestorEntity investor = investors.findById(id);
        if (investor == null) {
            throw ProblemException.notFound("no investor " + id);
        }
        return investor;
    }
}
