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
import org.hibernate.Hibernate;
import org.jboss.logging.Logger;
import org.urbaninvest.investment.client.ProjectLookup;
import org.urbaninvest.investment.mapping.AgreementMapper;
import org.urbaninvest.investment.mapping.AgreementMapper.Change;
import org.urbaninvest.investment.domain.ProjectRef;
import org.urbaninvest.investment.repository.AgreementEntity;
import org.urbaninvest.investment.repository.AgreementRepository;
import org.urbaninvest.investment.repository.DisbursementEntity;
import org.urbaninvest.investment.repository.HistoryEntryEntity;
import org.urbaninvest.investment.repository.ReplicaRepository;
import org.urbaninvest.platform.paging.Page;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.platform.outbox.Outbox;
import org.urbaninvest.platform.problem.ProblemException;
import org.urbaninvest.platform.security.Actor;
import org.urbaninvest.platform.security.ZoneScope;
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
    EventPayloads payloads;

    @Inject
    Outbox outbox;

    @Inject
    Actor actor;

    @Inject
    ZoneScope scope;

    /** Registers an investor's intention to invest in a project; the agreement is {@code INTENDED}. */
    public AgreementEntity intend(String projectCode, UUID investorId, Money intendedAmount, LocalDate intendedOn,
            String reference) {
        ReplicaRepository.Lookup lookup = replicas.lookup(projectCode, investorId);
        if (!lookup.investorKnown()) { // checked first: no need to ask project-service for a refused request
            throw ProblemException.unprocessable("investorId", "no investor " + investorId);
        }
        ProjectRef project = lookup.project() != null ? lookup.project() : askProjectService(projectCode);
        if (project == null) {
            throw ProblemException.unprocessable("projectCode", "no project " + projectCode);
        }
        scope.requireWritable(project.zoneCode(), "project " + project.code());
        if (project.cancelled()) {
            throw ProblemException.unprocessable("projectCode", "project " + project.code() + " is cancelled");
        }
        Instant now = clock.now();
        AgreementEntity agreement = new AgreementEntity();
        agreement.id = UUID.randomUUID();
        agreement.projectCode = project.code();
        agreement.zoneCode = project.zoneCode();
        agreement.investorId = investorId;
        agreement.reference = reference;
        agreement.stage = Stage.INTENDED;
        agreement.intendedAmount = intendedAmount.scaled();
        agreement.intendedCurrency = intendedAmount.currency();
        agreement.intendedOn = intendedOn;
        agreement.createdAt = agreement.updatedAt = now; // set before persist: the insert takes the state of now
        agreements.persist(agreement);
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("intendedAmount", new Change(null, intendedAmount));
        changes.put("intendedOn", new Change(null, intendedOn));
        return record(agreement, "intended", intendedOn, null, changes, now);
    }

    public AgreementEntity sign(UUID id, Money signedAmount, LocalDate signedOn) {
        AgreementEntity agreement = writable(id);
        requireMove(agreement, Stage.SIGNED);
        requireNotBefore("signedOn", signedOn, "intendedOn", agreement.intendedOn);
        agreement.signedAmount = signedAmount.scaled();
        agreement.signedCurrency = signedAmount.currency();
        agreement.signedOn = signedOn;
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("signedAmount", new Change(null, signedAmount));
        changes.put("signedOn", new Change(null, signedOn));
        return record(agreement, "signed", signedOn, null, changes, clock.now());
    }

    public AgreementEntity start(UUID id, LocalDate startedOn) {
        AgreementEntity agreement = writable(id);
        requireMove(agreement, Stage.STARTED);
        requireNotBefore("startedOn", startedOn, "signedOn", agreement.signedOn);
        agreement.startedOn = startedOn;
        return record(agreement, "started", startedOn, null, Map.of("startedOn", new Change(null, startedOn)),
                clock.now());
    }

    public AgreementEntity operate(UUID id, LocalDate operationalOn) {
        AgreementEntity agreement = writable(id);
        requireMove(agreement, Stage.OPERATIONAL);
        requireNotBefore("operationalOn", operationalOn, "startedOn", agreement.startedOn);
        agreement.operationalOn = operationalOn;
        return record(agreement, "operational", operationalOn, null,
                Map.of("operationalOn", new Change(null, operationalOn)), clock.now());
    }

    public AgreementEntity withdraw(UUID id, LocalDate withdrawnOn, String reason) {
        AgreementEntity agreement = writable(id);
        requireMove(agreement, Stage.WITHDRAWN);
        requireNotBefore("withdrawnOn", withdrawnOn, "intendedOn", agreement.intendedOn);
        requireNotBefore("withdrawnOn", withdrawnOn, "signedOn", agreement.signedOn);
        requireNotBefore("withdrawnOn", withdrawnOn, "startedOn", agreement.startedOn);
        agreement.withdrawnOn = withdrawnOn;
        agreement.withdrawalReason = reason.strip();
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("withdrawnOn", new Change(null, withdrawnOn));
        changes.put("withdrawalReason", new Change(null, agreement.withdrawalReason));
        return record(agreement, "withdrawn", withdrawnOn, agreement.withdrawalReason, changes, clock.now());
    }

    /**
     * Replaces the intended and/or signed amount (null: keep it); a revision states the new total, it is not
     * added.
     */
    public AgreementEntity amend(UUID id, Money intended, Money signed, String reason) {
        if (intended == null && signed == null) {
            throw ProblemException.badRequest("body", "give intendedAmount, signedAmount or both");
        }
        AgreementEntity agreement = writable(id);
        if (agreement.stage == Stage.WITHDRAWN) {
            throw ProblemException.conflict("agreement " + id + " is withdrawn; its amounts are final");
        }
        if (signed != null && agreement.signedAmount == null) {
            throw ProblemException.conflict("agreement " + id + " is not signed; it has no signed amount to revise");
        }
        Map<String, Change> changes = new LinkedHashMap<>();
        if (intended != null) {
            Money current = AgreementMapper.intendedAmount(agreement);
            requireSameCurrency("intendedAmount.currency", intended, current);
            if (intended.scaled().compareTo(current.amount()) != 0) {
                changes.put("intendedAmount", new Change(current, intended));
                agreement.intendedAmount = intended.scaled();
            }
        }
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
        return record(agreement, "amended", null, reason.strip(), changes, clock.now());
    }

    /** Records funds received under a signed agreement (not a stage move, so not in the history). */
    public AgreementEntity disburse(UUID id, Money amount, LocalDate receivedOn) {
        AgreementEntity agreement = writable(id);
        if (!agreement.stage.receivesFunds()) {
            throw ProblemException.conflict("agreement " + id + " is " + agreement.stage
                    + "; funds are recorded only when it is SIGNED, STARTED or OPERATIONAL");
        }
        requireSameCurrency("amount.currency", amount, AgreementMapper.signedAmount(agreement));
        requireNotBefore("receivedOn", receivedOn, "signedOn", agreement.signedOn);
        Instant now = clock.now();
        write(agreement, now);
        DisbursementEntity disbursement = new DisbursementEntity();
        disbursement.id = UUID.randomUUID();
        disbursement.agreement = agreement;
        disbursement.amount = amount.scaled();
        disbursement.currency = amount.currency();
        disbursement.receivedOn = receivedOn;
        disbursement.recordedAt = now;
        agreement.disbursements.add(disbursement); // loads the earlier ones first, without the new one
        agreements.persist(disbursement);
        return publish(agreement, "disbursement-recorded");
    }

    /** The agreement with its history and disbursements loaded. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AgreementEntity get(UUID id) {
        return loaded(readable(id));
    }

    /** A page of agreements, each with its history and disbursements loaded (in batches, not one by one). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AgreementEntity> list(AgreementFilter filter, int page, int size) {
        filter = filter.within(scope.visibleZones().orElse(null));
        var items = agreements.page(filter, page, size);
        items.forEach(AgreementService::loaded);
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
    private AgreementEntity record(AgreementEntity agreement, String action, LocalDate date, String reason,
            Map<String, Change> changes, Instant now) {
        write(agreement, now);
        HistoryEntryEntity entry = new HistoryEntryEntity();
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
        agreements.persist(entry);
        return publish(agreement, action);
    }

    /**
     * Writes the agreement now, so that a concurrent change of the same agreement fails here on its version
     * (409) before anything else of this change is written.
     */
    private void write(AgreementEntity agreement, Instant now) {
        agreement.updatedAt = now;
        agreements.flush();
    }

    /** Publishes the agreement's new snapshot; mapping it loads the history and disbursements in the transaction. */
    private AgreementEntity publish(AgreementEntity agreement, String action) {
        outbox.publish(TOPIC, agreement.id.toString(), "agreement." + action, payloads.agreement(agreement));
        return agreement;
    }

    private static AgreementEntity loaded(AgreementEntity agreement) {
        Hibernate.initialize(agreement.history);
        Hibernate.initialize(agreement.disbursements);
        return agreement;
    }

    private static void requireMove(AgreementEntity agreement, Stage next) {
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

    /** The agreement, if the caller's zones cover its zone (its project's); else 403. */
    private AgreementEntity writable(UUID id) {
        AgreementEntity agreement = find(id);
        scope.requireWritable(agreement.zoneCode, "agreement " + id);
        return agreement;
    }

    /** The agreement, if the caller's zones cover it: one outside answers as an unknown agreement does. */
    private AgreementEntity readable(UUID id) {
        AgreementEntity agreement = find(id);
        scope.requireReadable(agreement.zoneCode, "no agreement " + id);
        return agreement;
    }

    private AgreementEntity find(UUID id) {
        AgreementEntity agreement = agreements.findById(id);
        if (agreement == null) {
            throw ProblemException.notFound("no agreement " + id);
        }
        return agreement;
    }
}
