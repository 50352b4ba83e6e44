package org.urbaninvest.investment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.hibernate.Hibernate;
import org.jboss.logging.Logger;
import org.urbaninvest.investment.client.ProjectLookup;
import org.urbaninvest.investment.mapping.AgreementMapper;
import org.urbaninvest.investment.domain.ProjectRef;
import org.urbaninvest.investment.repository.AgreementBatchWriter;
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
    AgreementBatchWriter writer;

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
        AgreementChanges.Step intended = AgreementChanges.intend(agreement, intendedAmount, intendedOn);
        agreement.createdAt = agreement.updatedAt = now;
        HistoryEntryEntity entry = AgreementChanges.history(agreement, intended, mapper.changes(intended.changes()),
                actor.name(), now);
        // a new agreement is written as an import writes it, by JDBC: nothing later in the request changes it, so
        // the persistence context has nothing to track (the ORM's persist and flush were the most of a write's CPU)
        writer.insert(List.of(agreement));
        writer.history(List.of(entry));
        return publish(agreement, intended.action());
    }

    public AgreementEntity sign(UUID id, Money signedAmount, LocalDate signedOn) {
        AgreementEntity agreement = writable(id);
        return record(agreement, AgreementChanges.sign(agreement, signedAmount, signedOn), clock.now());
    }

    public AgreementEntity start(UUID id, LocalDate startedOn) {
        AgreementEntity agreement = writable(id);
        return record(agreement, AgreementChanges.start(agreement, startedOn), clock.now());
    }

    public AgreementEntity operate(UUID id, LocalDate operationalOn) {
        AgreementEntity agreement = writable(id);
        return record(agreement, AgreementChanges.operate(agreement, operationalOn), clock.now());
    }

    public AgreementEntity withdraw(UUID id, LocalDate withdrawnOn, String reason) {
        AgreementEntity agreement = writable(id);
        return record(agreement, AgreementChanges.withdraw(agreement, withdrawnOn, reason), clock.now());
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
        return record(agreement, AgreementChanges.amend(agreement, intended, signed, reason), clock.now());
    }

    /** Records funds received under a signed agreement (not a stage move, so not in the history). */
    public AgreementEntity disburse(UUID id, Money amount, LocalDate receivedOn, String reference) {
        AgreementEntity agreement = writable(id);
        if (reference != null && agreement.disbursements.stream().anyMatch(d -> reference.equals(d.reference))) {
            throw ProblemException.conflict("agreement " + id + " already has a disbursement " + reference);
        }
        Instant now = clock.now();
        DisbursementEntity disbursement = AgreementChanges.disburse(agreement, amount, receivedOn, reference, now);
        write(agreement, now);
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

    /**
     * Asks project-service once about a project the replica has not seen; remembers what it says in the replica.
     * Null when it has no such project; 503 when it does not answer.
     */
    ProjectRef askProjectService(String code) {
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
    private AgreementEntity record(AgreementEntity agreement, AgreementChanges.Step step, Instant now) {
        write(agreement, now);
        HistoryEntryEntity entry = AgreementChanges.history(agreement, step, mapper.changes(step.changes()),
                actor.name(), now);
        agreements.persist(entry);
        return publish(agreement, step.action());
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
