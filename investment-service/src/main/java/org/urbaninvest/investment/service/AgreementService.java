package org.urbaninvest.investment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import org.urbaninvest.investment.client.ProjectLookup;
import org.urbaninvest.investment.mapping.AgreementMapper;
import org.urbaninvest.investment.mapping.AgreementMapper.Change;
import org.urbaninvest.investment.repository.Agreement;
import org.urbaninvest.investment.repository.AgreementRepository;
import org.urbaninvest.investment.repository.Disbursement;
import org.urbaninvest.investment.repository.HistoryEntry;
import org.urbaninvest.investment.repository.ProjectRef;
import org.urbaninvest.investment.repository.ReplicaRepository;
import org.urbaninvest.investment.rest.AgreementRequests;
import org.urbaninvest.investment.rest.AgreementView;
import org.urbaninvest.platform.paging.Page;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.platform.outbox.Outbox;
import org.urbaninvest.platform.problem.ProblemException;
import org.urbaninvest.platform.security.Actor;
import org.urbaninvest.platform.time.Clock;
import org.urbaninvest.investment.mapping.EventPayloads;
import org.urbaninvest.investment.domain.Stage;
import org.urbaninvest.investment.domain.AgreementFilter;

/**
 * The rules of investment agreements: the stage machine, the date order, amendments and funds in place.
 * Every change writes the agreement, its history entry and its event in one transaction.
 */
@ApplicationScoped
@Transactional
public class AgreementService {

    public static final String TOPIC = "agreements.v1";
    private static final Logger LOG = Logger.getLogger(AgreementService.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    @Inject
    Clock clock;

    @Inject
    ReplicaRepository replicas;

    @Inject
    AgreementRepository agreements;

    @Inject
    ProjectLookup projectService;

    @Inject
    AgreementMapper mapper;

    @Inject
    Outbox outbox;

    @Inject
    Actor actor;

    public AgreementView intend(AgreementRequests.Intend request) {
        ReplicaRepository.Lookup lookup = replicas.lookup(request.projectCode(), request.investorId());
        if (!lookup.investorKnown()) { // checked first: no need to ask project-service for a refused request
            throw ProblemException.unprocessable("investorId", "no investor " + request.investorId());
        }
        ProjectRef project = lookup.project() != null ? lookup.project() : askProjectService(request.projectCode());
        if (project == null) {
            throw ProblemException.unprocessable("projectCode", "no project " + request.projectCode());
        }
        if (project.cancelled()) {
            throw ProblemException.unprocessable("projectCode", "project " + project.code() + " is cancelled");
        }
        Instant now = clock.now();
        Agreement agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.projectCode = project.code();
        agreement.zoneCode = project.zoneCode();
        agreement.investorId = request.investorId();
        agreement.reference = request.reference();
        agreement.stage = Stage.INTENDED;
        agreement.intendedAmount = request.intendedAmount().scaled();
        agreement.intendedCurrency = request.intendedAmount().currency();
        agreement.intendedOn = request.intendedOn();
        agreement.createdAt = agreement.updatedAt = now; // set before persist: the insert takes the state of now
        agreement.persist();
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("intendedAmount", new Change(null, request.intendedAmount()));
        changes.put("intendedOn", new Change(null, request.intendedOn()));
        return record(agreement, "intended", request.intendedOn(), null, changes, now);
    }

    public AgreementView sign(UUID id, AgreementRequests.Sign request) {
        Agreement agreement = find(id);
        requireMove(agreement, Stage.SIGNED);
        requireNotBefore("signedOn", request.signedOn(), "intendedOn", agreement.intendedOn);
        agreement.signedAmount = request.signedAmount().scaled();
        agreement.signedCurrency = request.signedAmount().currency();
        agreement.signedOn = request.signedOn();
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("signedAmount", new Change(null, request.signedAmount()));
        changes.put("signedOn", new Change(null, request.signedOn()));
        return record(agreement, "signed", request.signedOn(), null, changes, clock.now());
    }

    public AgreementView start(UUID id, AgreementRequests.Start request) {
        Agreement agreement = find(id);
        requireMove(agreement, Stage.STARTED);
        requireNotBefore("startedOn", request.startedOn(), "signedOn", agreement.signedOn);
        agreement.startedOn = request.startedOn();
        return record(agreement, "started", request.startedOn(), null,
                Map.of("startedOn", new Change(null, request.startedOn())), clock.now());
    }

    public AgreementView operate(UUID id, AgreementRequests.Operate request) {
        Agreement agreement = find(id);
        requireMove(agreement, Stage.OPERATIONAL);
        requireNotBefore("operationalOn", request.operationalOn(), "startedOn", agreement.startedOn);
        agreement.operationalOn = request.operationalOn();
        return record(agreement, "operational", request.operationalOn(), null,
                Map.of("operationalOn", new Change(null, request.operationalOn())), clock.now());
    }

    public AgreementView withdraw(UUID id, AgreementRequests.Withdraw request) {
        Agreement agreement = find(id);
        requireMove(agreement, Stage.WITHDRAWN);
        requireNotBefore("withdrawnOn", request.withdrawnOn(), "intendedOn", agreement.intendedOn);
        requireNotBefore("withdrawnOn", request.withdrawnOn(), "signedOn", agreement.signedOn);
        requireNotBefore("withdrawnOn", request.withdrawnOn(), "startedOn", agreement.startedOn);
        agreement.withdrawnOn = request.withdrawnOn();
        agreement.withdrawalReason = request.reason().strip();
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("withdrawnOn", new Change(null, request.withdrawnOn()));
        changes.put("withdrawalReason", new Change(null, agreement.withdrawalReason));
        return record(agreement, "withdrawn", request.withdrawnOn(), agreement.withdrawalReason, changes,
                clock.now());
    }

    /** Replaces the intended and/or signed amount; a revision states the new total, it is not added. */
    public AgreementView amend(UUID id, AgreementRequests.Amend request) {
        if (request.intendedAmount() == null && request.signedAmount() == null) {
            throw ProblemException.badRequest("body", "give intendedAmount, signedAmount or both");
        }
        Agreement agreement = find(id);
        if (agreement.stage == Stage.WITHDRAWN) {
            throw ProblemException.conflict("agreement " + id + " is withdrawn; its amounts are final");
        }
        if (request.signedAmount() != null && agreement.signedAmount == null) {
            throw ProblemException.conflict("agreement " + id + " is not signed; it has no signed amount to revise");
        }
        Map<String, Change> changes = new LinkedHashMap<>();
        Money intended = request.intendedAmount();
        if (intended != null) {
            Money current = AgreementMapper.intendedAmount(agreement);
            requireSameCurrency("intendedAmount.currency", intended, current);
            if (intended.scaled().compareTo(current.amount()) != 0) {
                changes.put("intendedAmount", new Change(current, intended));
                agreement.intendedAmount = intended.scaled();
            }
        }
        Money signed = request.signedAmount();
        if (signed != null) {
            Money current = AgreementMapper.signedAmount(agreement);
            requireSameCurrency("signedAmount.currency", signed, current);
            if (signed.scaled().compareTo(current.amount()) != 0) {
                changes.put("signedAmount", new Change(current, signed));
                agreement.signedAmount = signed.scaled();
            }
        }
        if (changes.isEmpty()) {
            throw ProblemException.conflict("agreement " + id + " already has these amounts");
        }
        return record(agreement, "amended", null, request.reason().strip(), changes, clock.now());
    }

    /** Records funds received under a signed agreement (not a stage move, so not in the history). */
    public AgreementView disburse(UUID id, AgreementRequests.Disburse request) {
        Agreement agreement = find(id);
        if (!agreement.stage.receivesFunds()) {
            throw ProblemException.conflict("agreement " + id + " is " + agreement.stage
                    + "; funds are recorded only when it is SIGNED, STARTED or OPERATIONAL");
        }
        requireSameCurrency("amount.currency", request.amount(), AgreementMapper.signedAmount(agreement));
        requireNotBefore("receivedOn", request.receivedOn(), "signedOn", agreement.signedOn);
        Instant now = clock.now();
        write(agreement, now);
        Disbursement disbursement = new Disbursement();
        disbursement.id = UUID.randomUUID();
        disbursement.agreement = agreement;
        disbursement.amount = request.amount().scaled();
        disbursement.currency = request.amount().currency();
        disbursement.receivedOn = request.receivedOn();
        disbursement.recordedAt = now;
        agreement.disbursements.add(disbursement); // loads the earlier ones first, without the new one
        disbursement.persist();
        return publish(agreement, "disbursement-recorded");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AgreementView get(UUID id) {
        return mapper.toView(find(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AgreementView> list(AgreementFilter filter, int page, int size) {
        var items = agreements.page(filter, page, size).stream().map(mapper::toView).toList();
        return new Page<>(items, page, size, agreements.count(filter));
    }

    /** Asks project-service once; remembers what it says in the replica. Null when it has no such project. */
    private ProjectRef askProjectService(String code) {
        Optional<ProjectRef> project;
        try {
            project = projectService.find(code);
        } catch (CircuitBreakerOpenException e) {
            throw ProblemException.unavailable("project " + code + " is not known here yet and project-service is"
                    + " unavailable; try again shortly", ProjectLookup.OPEN_SECONDS);
        } catch (RuntimeException e) {
            LOG.warnf("project-service did not answer for project %s: %s", code, e.toString());
            throw ProblemException.unavailable("project " + code + " is not known here yet and project-service did"
                    + " not answer; try again shortly", RETRY_AFTER_SECONDS);
        }
        project.ifPresent(replicas::storeProject);
        return project.orElse(null);
    }

    /** Writes the change, appends its history entry and publishes the new snapshot. */
    private AgreementView record(Agreement agreement, String action, LocalDate date, String reason,
            Map<String, Change> changes, Instant now) {
        write(agreement, now);
        HistoryEntry entry = new HistoryEntry();
        entry.id = UUID.randomUUID();
        entry.agreement = agreement;
        entry.seq = agreement.history.size();
        entry.at = now;
        entry.action = action;
        entry.stage = agreement.stage;
        entry.date = date;
        entry.actor = actor.name();
        entry.reason = reason;
        entry.changes = mapper.changes(changes);
        agreement.history.add(entry);
        entry.persist();
        return publish(agreement, action);
    }

    /**
     * Writes the agreement now, so that a concurrent change of the same agreement fails here on its version
     * (409) before anything else of this change is written.
     */
    private static void write(Agreement agreement, Instant now) {
        agreement.updatedAt = now;
        agreement.flush();
    }

    private AgreementView publish(Agreement agreement, String action) {
        AgreementView view = mapper.toView(agreement);
        outbox.publish(TOPIC, agreement.id.toString(), "agreement." + action, EventPayloads.agreement(view));
        return view;
    }

    private static void requireMove(Agreement agreement, Stage next) {
        if (!agreement.stage.canMoveTo(next)) {
            throw ProblemException.conflict("agreement " + agreement.id + " is " + agreement.stage
                    + " and cannot become " + next);
        }
        agreement.stage = next;
    }

    private static void requireNotBefore(String field, LocalDate date, String earlierField, LocalDate earlier) {
        if (earlier != null && date.isBefore(earlier)) {
            throw ProblemException.badRequest(field, "must not be before " + earlierField + " (" + earlier + ")");
        }
    }

    private static void requireSameCurrency(String field, Money given, Money current) {
        if (!given.sameCurrency(current)) {
            throw ProblemException.badRequest(field, "must be " + current.currency() + ", the currency of the"
                    + " agreement's amount");
        }
    }

    private static Agreement find(UUID id) {
        Agreement agreement = Agreement.findById(id);
        if (agreement == null) {
            throw ProblemException.notFound("no agreement " + id);
        }
        return agreement;
    }
}
