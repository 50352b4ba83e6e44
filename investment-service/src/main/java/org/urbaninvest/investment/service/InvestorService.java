package org.urbaninvest.investment.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Objects;
import java.util.UUID;
import org.urbaninvest.investment.mapping.InvestorMapper;
import org.urbaninvest.investment.repository.Investor;
import org.urbaninvest.investment.rest.InvestorRequest;
import org.urbaninvest.investment.rest.InvestorView;
import org.urbaninvest.platform.paging.Page;
import org.urbaninvest.platform.outbox.Outbox;
import org.urbaninvest.platform.problem.ProblemException;
import org.urbaninvest.platform.time.Clock;
import org.urbaninvest.investment.mapping.EventPayloads;

@ApplicationScoped
@Transactional
public class InvestorService {

    public static final String TOPIC = "investors.v1";

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    public InvestorView register(InvestorRequest request) {
        requireFreeCreditCode(request.creditCode(), null);
        Investor investor = new Investor();
        investor.id = UUID.randomUUID();
        apply(investor, request);
        investor.createdAt = investor.updatedAt = clock.now();
        investor.persist();
        return publish(investor, "investor.registered");
    }

    /**
     * Replaces an investor's data.
     *
     * @param expectedVersion the version named by {@code If-Match}, or null to replace whatever is there
     */
    public InvestorView update(UUID id, Long expectedVersion, InvestorRequest request) {
        Investor investor = find(id);
        if (expectedVersion != null && expectedVersion != investor.version) {
            throw ProblemException.preconditionFailed("investor " + id + " is at version " + investor.version);
        }
        if (Objects.equals(investor.name, request.name().strip()) && investor.kind == request.kind()
                && Objects.equals(investor.creditCode, request.creditCode())
                && Objects.equals(investor.country, request.country())) {
            return InvestorMapper.toView(investor); // nothing to change: no new version, no event
        }
        requireFreeCreditCode(request.creditCode(), id);
        apply(investor, request);
        investor.updatedAt = clock.now();
        investor.flush(); // the version check and increment happen here, inside the request
        return publish(investor, "investor.updated");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InvestorView get(UUID id) {
        return InvestorMapper.toView(find(id));
    }

    /** Investors by name; {@code q} matches a part of the name (any case) or the whole credit code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<InvestorView> list(String q, int page, int size) {
        var query = q == null || q.isBlank()
                ? Investor.<Investor>find("ORDER BY name, id")
                : Investor.<Investor>find("WHERE locate(lower(:q), lower(name)) > 0 OR creditCode = upper(:q)"
                        + " ORDER BY name, id", Parameters.with("q", q.strip()));
        var items = query.page(page, size).list().stream().map(InvestorMapper::toView).toList();
        return new Page<>(items, page, size, query.count());
    }

    private void requireFreeCreditCode(String creditCode, UUID self) {
        if (creditCode == null) {
            return;
        }
        Investor holder = Investor.find("creditCode", creditCode).firstResult();
        if (holder != null && !holder.id.equals(self)) {
            throw ProblemException.conflict("credit code " + creditCode + " is already registered to investor "
                    + holder.id);
        }
    }

    private static void apply(Investor investor, InvestorRequest request) {
        investor.name = request.name().strip();
        investor.kind = request.kind();
        investor.creditCode = request.creditCode();
        investor.country = request.country();
    }

    private InvestorView publish(Investor investor, String type) {
        InvestorView view = InvestorMapper.toView(investor);
        outbox.publish(TOPIC, investor.id.toString(), type, EventPayloads.investor(view));
        return view;
    }

    private static Investor find(UUID id) {
        Investor investor = Investor.findById(id);
        if (investor == null) {
            throw ProblemException.notFound("no investor " + id);
        }
        return investor;
    }
}
