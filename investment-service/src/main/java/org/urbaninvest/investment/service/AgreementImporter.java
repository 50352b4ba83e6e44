package org.urbaninvest.investment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.urbaninvest.investment.config.ImportConfig;
import org.urbaninvest.investment.domain.AgreementImportCounts;
import org.urbaninvest.investment.domain.AgreementKey;
import org.urbaninvest.investment.domain.ProjectRef;
import org.urbaninvest.investment.domain.Stage;
import org.urbaninvest.investment.mapping.AgreementMapper;
import org.urbaninvest.investment.mapping.EventPayloads;
import org.urbaninvest.investment.repository.AgreementBatchWriter;
import org.urbaninvest.investment.repository.AgreementEntity;
import org.urbaninvest.investment.repository.DisbursementEntity;
import org.urbaninvest.investment.repository.HistoryEntryEntity;
import org.urbaninvest.investment.repository.ReplicaRepository;
import org.urbaninvest.platform.http.CsvUpload;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.platform.outbox.Outbox;
import org.urbaninvest.platform.problem.Problem;
import org.urbaninvest.platform.problem.ProblemException;
import org.urbaninvest.platform.security.Actor;
import org.urbaninvest.platform.security.ZoneScope;
import org.urbaninvest.platform.time.Clock;

/**
 * CSV import of agreements and disbursements. Each agreement line states the target state of the agreement its
 * investor knows by {@code reference}: a new one is created, a stored one is moved forward and its amounts replaced
 * through the same rules as the API's actions ({@link AgreementChanges}), one history entry, version and event per
 * change, exactly as the API would record them; never moved back. A disbursement line records funds once per
 * {@code (agreement, disbursementReference)}. A line that matches what is stored changes nothing.
 *
 * <p>All or nothing, in one transaction: lines are applied in memory in batches, agreement lines first, then
 * disbursement lines, and each batch is written (JDBC batches, events through the outbox) while no line has been
 * refused; the first refused line stops the writing, the rest is still checked so that the answer lists every bad
 * line, and the 422 rolls back what was written. A dry run checks and counts the same way and writes nothing.
 */
@ApplicationScoped
public class AgreementImporter {

    private static final Logger LOG = Logger.getLogger(AgreementImporter.class);

    @Inject
    Clock clock;

    @Inject
    ReplicaRepository replicas;

    @Inject
    AgreementBatchWriter writer;

    @Inject
    AgreementService agreements;

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

    @Inject
    ImportConfig config;

    /** Imports in one transaction ({@link CsvUpload#inTransaction}). */
    public AgreementImportCounts importCsv(InputStream csv, boolean dryRun) {
        return CsvUpload.inTransaction(() -> new Run(dryRun).run(csv));
    }

    /** An agreement the import has read or created, and the version the database holds (0: not stored yet). */
    private static final class Tracked {

        final AgreementEntity agreement;
        long storedVersion;

        Tracked(AgreementEntity agreement, long storedVersion) {
            this.agreement = agreement;
            this.storedVersion = storedVersion;
        }
    }

    /** What one batch of lines writes. */
    private static final class Batch {
        final List<Tracked> inserts = new ArrayList<>();
        final Set<Tracked> updates = new LinkedHashSet<>();
        final List<HistoryEntryEntity> history = new ArrayList<>();
        final List<DisbursementEntity> disbursements = new ArrayList<>();
        final List<Outbox.Event> events = new ArrayList<>();
    }

    /** One import: its lines, the agreements they touch, what it counted and refused. */
    private final class Run {

        private final boolean dryRun;
        private final String who = actor.name();
        private final Instant now = clock.now();
        private final CsvAgreementReader reader = new CsvAgreementReader(config.maxLines());
        private final Map<AgreementKey, Tracked> tracked = new HashMap<>();
        private final Set<AgreementKey> loaded = new HashSet<>();
        private final Set<AgreementKey> refused = new HashSet<>();
        private final Map<String, Optional<ProjectRef>> projects = new HashMap<>();
        private final Set<UUID> investors = new HashSet<>();
        private final Map<String, Boolean> covered = new HashMap<>();
        private final SortedMap<Long, List<Problem.FieldError>> outside = new TreeMap<>();
        private int created;
        private int moved;
        private int amended;
        private int disbursed;
        private int unchanged;

        Run(boolean dryRun) {
            this.dryRun = dryRun;
        }

        AgreementImportCounts run(InputStream csv) {
            long start = System.nanoTime();
            reader.read(csv);
            long read = System.nanoTime();
            inBatches(reader.agreements, AgreementImportLine::key, batch -> {
                lookUp(batch);
                Batch writes = new Batch();
                batch.forEach(line -> apply(line, writes));
                return writes;
            });
            inBatches(reader.disbursements, AgreementImportLine.Disbursement::key, batch -> {
                Batch writes = new Batch();
                batch.forEach(line -> apply(line, writes));
                return writes;
            });
            if (!outside.isEmpty()) {
                List<Problem.LineErrors> lines = new ArrayList<>();
                outside.forEach((line, errors) -> lines.add(new Problem.LineErrors(line, errors)));
                throw ProblemException.forbiddenLines(lines.size() + (lines.size() == 1 ? " line names" : " lines name")
                        + " agreements outside the zones of your token (" + String.join(", ", scope.codes()
                        .orElseThrow()) + "); nothing was imported", lines);
            }
            reader.upload.requireNoErrors();
            LOG.infof("agreement import%s: %d lines (%d created, %d moved, %d amended, %d disbursed, %d unchanged):"
                    + " read in %d ms, applied and written in %d ms", dryRun ? " (dry run)" : "",
                    reader.agreements.size() + reader.disbursements.size(), created, moved, amended, disbursed,
                    unchanged, (read - start) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
            return new AgreementImportCounts(created, moved, amended, disbursed, unchanged);
        }

        /** Applies lines in batches: the stored agreements they name are read first, what they change written after. */
        private <L> void inBatches(List<L> lines, Function<L, AgreementKey> key, Function<List<L>, Batch> apply) {
            for (int from = 0; from < lines.size(); from += config.batchSize()) {
                List<L> batch = lines.subList(from, Math.min(lines.size(), from + config.batchSize()));
                Set<AgreementKey> unread = new HashSet<>();
                batch.forEach(line -> {
                    if (loaded.add(key.apply(line)) && !tracked.containsKey(key.apply(line))) {
                        unread.add(key.apply(line));
                    }
                });
                writer.read(unread).forEach((k, agreement) -> tracked.put(k, new Tracked(agreement, agreement.version)));
                write(apply.apply(batch));
            }
        }

        /** The projects and investors the batch's new agreements name, each asked for once per import. */
        private void lookUp(List<AgreementImportLine> batch) {
            Set<String> codes = new HashSet<>();
            Set<UUID> ids = new HashSet<>();
            for (AgreementImportLine line : batch) {
                if (!tracked.containsKey(line.key())) {
                    if (!projects.containsKey(line.projectCode())) {
                        codes.add(line.projectCode());
                    }
                    ids.add(line.key().investorId());
                }
            }
            Map<String, ProjectRef> replicated = replicas.projects(codes);
            for (String code : codes) {
                ProjectRef project = replicated.get(code);
                projects.put(code, Optional.ofNullable(project != null ? project : agreements.askProjectService(code)));
            }
            ids.removeAll(investors);
            if (!ids.isEmpty()) {
                investors.addAll(writer.investors(ids));
            }
        }

        private void apply(AgreementImportLine line, Batch writes) {
            Tracked agreement = tracked.get(line.key());
            try {
                if (agreement == null) {
                    create(line, writes);
                } else if (inScope(line.line(), agreement.agreement.zoneCode, "reference")) {
                    change(line, agreement, writes);
                }
            } catch (ProblemException e) {
                refuse(line.line(), e, "stage");
                refused.add(line.key());
            }
        }

        private void create(AgreementImportLine line, Batch writes) {
            List<Problem.FieldError> problems = new ArrayList<>(0);
            if (!investors.contains(line.key().investorId())) {
                problems.add(new Problem.FieldError("investorId", "no investor " + line.key().investorId()));
            }
            ProjectRef project = projects.get(line.projectCode()).orElse(null);
            if (project == null) {
                problems.add(new Problem.FieldError("projectCode", "no project " + line.projectCode()));
            } else if (!inScope(line.line(), project.zoneCode(), "projectCode")) {
                return;
            } else if (project.cancelled()) {
                problems.add(new Problem.FieldError("projectCode", "project " + project.code() + " is cancelled"));
            }
            if (!problems.isEmpty()) {
                reader.upload.reject(line.line(), problems);
                refused.add(line.key());
                return;
            }
            AgreementEntity agreement = new AgreementEntity();
            agreement.id = UUID.randomUUID();
            agreement.projectCode = project.code();
            agreement.zoneCode = project.zoneCode();
            agreement.investorId = line.key().investorId();
            agreement.reference = line.key().reference();
            agreement.createdAt = now;
            Tracked created = new Tracked(agreement, 0);
            record(created, AgreementChanges.intend(agreement, line.intendedAmount(), line.intendedOn()), writes);
            move(line, created, writes);
            tracked.put(line.key(), created);
            writes.inserts.add(created);
            this.created++;
        }

        private void change(AgreementImportLine line, Tracked tracked, Batch writes) {
            AgreementEntity agreement = tracked.agreement;
            List<Problem.FieldError> problems = new ArrayList<>(0);
            if (!agreement.projectCode.equals(line.projectCode())) {
                problems.add(new Problem.FieldError("projectCode", "the agreement is for project "
                        + agreement.projectCode + "; an import does not change an agreement's project"));
            }
            List<Stage> reached = reached(agreement);
            if (!line.reached().containsAll(reached)) {
                problems.add(new Problem.FieldError("stage", "the agreement is " + agreement.stage + " (through "
                        + reached + "); an import moves an agreement forward only, never back to " + line.stage()
                        + " (through " + line.reached() + ")"));
            }
            same("intendedOn", agreement.intendedOn, line.intendedOn(), problems);
            same("signedOn", agreement.signedOn, line.signedOn(), problems);
            same("startedOn", agreement.startedOn, line.startedOn(), problems);
            same("operationalOn", agreement.operationalOn, line.operationalOn(), problems);
            same("withdrawnOn", agreement.withdrawnOn, line.withdrawnOn(), problems);
            same("withdrawalReason", agreement.withdrawalReason, line.withdrawalReason(), problems);
            if (!problems.isEmpty()) {
                reader.upload.reject(line.line(), problems);
                refused.add(line.key());
                return;
            }
            Money intended = differs(AgreementMapper.intendedAmount(agreement), line.intendedAmount())
                    ? line.intendedAmount() : null;
            Money signed = agreement.signedAmount != null && line.signedAmount() != null
                    && differs(AgreementMapper.signedAmount(agreement), line.signedAmount()) ? line.signedAmount() : null;
            if (intended != null || signed != null) {
                record(tracked, AgreementChanges.amend(agreement, intended, signed, line.amendmentReason() != null
                        ? line.amendmentReason() : CsvAgreementReader.DEFAULT_AMENDMENT_REASON), writes);
                amended++;
            }
            if (move(line, tracked, writes)) {
                moved++;
            }
            if (intended == null && signed == null && reached.size() == line.reached().size()) {
                unchanged++;
            } else {
                writes.updates.add(tracked);
            }
        }

        /** The stage moves from the agreement's stage to the line's, in order; true when there was one. */
        private boolean move(AgreementImportLine line, Tracked tracked, Batch writes) {
            AgreementEntity agreement = tracked.agreement;
            List<Stage> reached = reached(agreement);
            boolean moved = false;
            for (Stage stage : line.reached()) {
                if (reached.contains(stage)) {
                    continue;
                }
                record(tracked, switch (stage) {
                    case SIGNED -> AgreementChanges.sign(agreement, line.signedAmount(), line.signedOn());
                    case STARTED -> AgreementChanges.start(agreement, line.startedOn());
                    case OPERATIONAL -> AgreementChanges.operate(agreement, line.operationalOn());
                    case WITHDRAWN -> AgreementChanges.withdraw(agreement, line.withdrawnOn(), line.withdrawalReason());
                    case INTENDED -> throw new IllegalStateException("every agreement is intended first");
                }, writes);
                moved = true;
            }
            return moved;
        }

        private void apply(AgreementImportLine.Disbursement line, Batch writes) {
            if (refused.contains(line.key())) {
                return; // its agreement's line is refused already
            }
            Tracked tracked = this.tracked.get(line.key());
            if (tracked == null) {
                reader.upload.reject(line.line(), "reference", "investor " + line.key().investorId()
                        + " has no agreement " + line.key().reference() + ", stored or in this file");
                return;
            }
            AgreementEntity agreement = tracked.agreement;
            if (!inScope(line.line(), agreement.zoneCode, "reference")) {
                return;
            }
            for (DisbursementEntity recorded : agreement.disbursements) {
                if (line.reference().equals(recorded.reference)) {
                    if (differs(AgreementMapper.amount(recorded), line.amount())
                            || !recorded.receivedOn.equals(line.receivedOn())) {
                        reader.upload.reject(line.line(), "disbursementReference", "is recorded with "
                                + AgreementMapper.amount(recorded) + " received on " + recorded.receivedOn
                                + "; an import does not change recorded funds");
                    } else {
                        unchanged++;
                    }
                    return;
                }
            }
            DisbursementEntity disbursement;
            try {
                disbursement = AgreementChanges.disburse(agreement, line.amount(), line.receivedOn(),
                        line.reference(), now);
            } catch (ProblemException e) {
                refuse(line.line(), e, "reference");
                return;
            }
            agreement.version++;
            agreement.updatedAt = now;
            agreement.disbursements.add(disbursement);
            writes.disbursements.add(disbursement);
            publish(agreement, "disbursement-recorded", writes);
            if (tracked.storedVersion > 0) {
                writes.updates.add(tracked);
            }
            disbursed++;
        }

        /** A step applied to the agreement: its history entry, a new version (the first is 1) and its event. */
        private void record(Tracked tracked, AgreementChanges.Step step, Batch writes) {
            AgreementEntity agreement = tracked.agreement;
            if (!agreement.history.isEmpty()) {
                agreement.version++;
            }
            agreement.updatedAt = now;
            writes.history.add(AgreementChanges.history(agreement, step, mapper.changes(step.changes()), who, now));
            publish(agreement, step.action(), writes);
        }

        /** The event of the change just made; its snapshot is only built when the import is going to be written. */
        private void publish(AgreementEntity agreement, String action, Batch writes) {
            if (writing()) {
                writes.events.add(new Outbox.Event(agreement.id.toString(), "agreement." + action,
                        payloads.agreement(agreement)));
            }
        }

        /** Whether what is applied is written: not on a dry run, and only while no line has been refused. */
        private boolean writing() {
            return !dryRun && outside.isEmpty() && reader.upload.errors().isEmpty();
        }

        private void write(Batch writes) {
            if (!writing()) {
                return;
            }
            writer.insert(writes.inserts.stream().map(t -> t.agreement).toList());
            writer.update(writes.updates.stream()
                    .map(t -> new AgreementBatchWriter.Changed(t.agreement, t.storedVersion)).toList());
            writes.inserts.forEach(t -> t.storedVersion = t.agreement.version);
            writes.updates.forEach(t -> t.storedVersion = t.agreement.version);
            writer.history(writes.history);
            writer.disbursements(writes.disbursements);
            outbox.publishAll(AgreementService.TOPIC, writes.events);
        }

        /** Whether the zone is inside the token's zones; a line outside is listed for the 403. */
        private boolean inScope(long line, String zone, String field) {
            if (covered.computeIfAbsent(zone, scope::covers)) {
                return true;
            }
            outside.put(line, List.of(new Problem.FieldError(field, "the agreement lies in zone " + zone
                    + ", outside the zones of your token")));
            return false;
        }

        /** A change the rules refused, as errors of the line, named by the CSV's columns. */
        private void refuse(long line, ProblemException e, String field) {
            if (e.errors() == null || e.errors().isEmpty()) {
                reader.upload.reject(line, field, e.getMessage());
                return;
            }
            reader.upload.reject(line, e.errors().stream().map(error -> new Problem.FieldError(switch (error.field()) {
                case "intendedAmount.currency" -> "intendedCurrency";
                case "signedAmount.currency" -> "signedCurrency";
                case "amount.currency" -> "currency";
                default -> error.field();
            }, error.message())).toList());
        }
    }

    /** The stages an agreement has gone through, in order. */
    private static List<Stage> reached(AgreementEntity agreement) {
        return Stage.path(agreement.signedOn != null, agreement.startedOn != null, agreement.operationalOn != null,
                agreement.withdrawnOn != null);
    }

    /** A move already made keeps its date (and a withdrawal its reason): an import does not rewrite history. */
    private static void same(String field, Object stored, Object given, List<Problem.FieldError> problems) {
        if (stored != null && given != null && !stored.equals(given)) {
            problems.add(new Problem.FieldError(field, "is " + stored + " in the agreement; an import does not"
                    + " change a move already made"));
        }
    }

    private static boolean differs(Money stored, Money given) {
        return !stored.currency().equals(given.currency()) || stored.amount().compareTo(given.amount()) != 0;
    }
}
