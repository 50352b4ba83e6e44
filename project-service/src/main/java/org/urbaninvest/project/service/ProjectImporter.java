package org.urbaninvest.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import org.urbaninvest.platform.http.CsvUpload;
import org.urbaninvest.platform.outbox.Outbox;
import org.urbaninvest.platform.security.Actor;
import org.urbaninvest.platform.security.ZoneScope;
import org.urbaninvest.project.config.ImportConfig;
import org.urbaninvest.project.mapping.ProjectMapper;
import org.urbaninvest.project.repository.ProgrammeRepository;
import org.urbaninvest.project.repository.ProjectBatchWriter;
import org.urbaninvest.project.repository.ProjectEntity;
import org.urbaninvest.project.repository.ZoneRepository;
import org.urbaninvest.project.domain.ImportCounts;
import org.urbaninvest.project.domain.ProjectStatus;
import org.urbaninvest.platform.time.Clock;
import org.urbaninvest.project.events.ProjectPayload;
import org.urbaninvest.project.mapping.EventPayloads;

/**
 * CSV import: every line is validated first (references against zones and programmes read once); if any is
 * bad nothing is written. Otherwise all lines are upserted by code in this one transaction, in batches: a new
 * code registers a project, a changed one gets a new version, a history entry and an event; an identical one
 * is left alone.
 */
@ApplicationScoped
public class ProjectImporter {

    private static final Logger LOG = Logger.getLogger(ProjectImporter.class);

    @Inject
    Clock clock;

    @Inject
    ZoneRepository zones;

    @Inject
    ProgrammeRepository programmes;

    @Inject
    ProjectBatchWriter writer;

    @Inject
    ProjectMapper mapper;

    @Inject
    Outbox outbox;

    @Inject
    Actor actor;

    @Inject
    ZoneScope scope;

    @Inject
    ImportConfig config;

    @Inject
    EventPayloads payloads;

    /** Imports in one transaction ({@link CsvUpload#inTransaction}). */
    public ImportCounts importCsv(InputStream csv) {
        return CsvUpload.inTransaction(() -> importAll(csv));
    }

    private ImportCounts importAll(InputStream csv) {
        long start = System.nanoTime();
        CsvProjectReader reader = new CsvProjectReader(zones.allCodes(), programmes.categoriesByProgramme(),
                config.maxLines());
        reader.read(csv);
        checkStatusMoves(reader);
        reader.requireNoErrors();
        requireScope(reader.lines);
        long checked = System.nanoTime();
        String who = actor.name();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<ImportLine> lines = reader.lines;
        for (int from = 0; from < lines.size(); from += config.batchSize()) {
            Batch batch = write(lines.subList(from, Math.min(lines.size(), from + config.batchSize())), who);
            created += batch.created;
            updated += batch.updated;
            unchanged += batch.unchanged;
        }
        LOG.infof("imported %d lines (%d created, %d updated, %d unchanged): read and checked in %d ms, written in %d ms",
                lines.size(), created, updated, unchanged, (checked - start) / 1_000_000,
                (System.nanoTime() - checked) / 1_000_000);
        return new ImportCounts(created, updated, unchanged);
    }

    /**
     * A zone-scoped caller imports only projects whose zone is inside its zones, both the zone a line gives and the
     * zone a project already has; any other refuses the whole import (403).
     */
    private void requireScope(List<ImportLine> lines) {
        if (scope.unscoped() || lines.isEmpty()) {
            return;
        }
        Set<String> touched = new TreeSet<>();
        lines.forEach(line -> touched.add(line.zoneCode()));
        touched.addAll(writer.zones(lines.stream().map(ImportLine::code).toList()).values());
        touched.forEach(zone -> scope.requireWritable(zone, "zone " + zone + " of an imported project"));
    }

    /** A status may only move as it may through the API; checked for all lines before anything is written. */
    private void checkStatusMoves(CsvProjectReader reader) {
        if (reader.lines.isEmpty()) {
            return;
        }
        Map<String, String> current = writer.statuses(reader.lines.stream().map(ImportLine::code).toList());
        for (ImportLine line : reader.lines) {
            ProjectStatus from = ProjectStatus.fromValue(current.get(line.code()));
            if (from != null && from != line.status() && !from.canMoveTo(line.status())) {
                reader.reject(line.line(), "status", "project " + line.code() + " cannot move from " + from + " to "
                        + line.status());
            }
        }
    }

    private static final class Batch {
        int created;
        int updated;
        int unchanged;
    }

    private Batch write(List<ImportLine> lines, String who) {
        Map<String, ProjectEntity> existing = writer.read(lines.stream().map(ImportLine::code).toList());
        Instant now = clock.now();
        Batch batch = new Batch();
        List<ProjectEntity> inserts = new ArrayList<>();
        List<ProjectEntity> updates = new ArrayList<>();
        List<ProjectBatchWriter.HistoryRow> history = new ArrayList<>(lines.size());
        List<Outbox.Event> events = new ArrayList<>(lines.size());
        for (ImportLine line : lines) {
            ProjectEntity old = existing.get(line.code());
            if (old == null) {
                ProjectEntity project = new ProjectEntity();
                project.code = line.code();
                apply(line, project);
                project.version = 1;
                project.createdAt = now;
                project.updatedAt = now;
                ProjectPayload snapshot = payloads.project(project);
                inserts.add(project);
                history.add(entry(project, mapper.write(snapshot), who, "registered", ProjectMapper.setFields(project)));
                events.add(new Outbox.Event(project.code, ProjectService.REGISTERED, snapshot));
                batch.created++;
                continue;
            }
            ProjectStatus from = ProjectStatus.fromValue(old.status);
            ProjectService.requireMove(from, line.status()); // it may have moved since the check
            ProjectEntity project = ProjectMapper.copy(old);
            apply(line, project);
            List<String> changed = ProjectMapper.changedColumns(old, project);
            if (changed.isEmpty()) {
                batch.unchanged++;
                continue;
            }
            project.version = old.version + 1;
            project.updatedAt = now;
            ProjectPayload snapshot = payloads.project(project);
            updates.add(project);
            history.add(entry(project, mapper.write(snapshot), who, "imported", changed));
            events.add(new Outbox.Event(project.code, ProjectService.UPDATED, snapshot));
            batch.updated++;
        }
        writer.insert(inserts);
        writer.update(updates);
        writer.history(history);
        outbox.publishAll(ProjectService.TOPIC, events);
        return batch;
    }

    /** A history row; the snapshot is written once as JSON and used for the history and the event alike. */
    private ProjectBatchWriter.HistoryRow entry(ProjectEntity project, String snapshot, String who, String change,
            List<String> changed) {
        return new ProjectBatchWriter.HistoryRow(project.code, project.version, project.updatedAt, who, change,
                mapper.write(changed), snapshot);
    }

    private static void apply(ImportLine line, ProjectEntity project) {
        project.name = line.name();
        project.zoneCode = line.zoneCode();
        project.programmeCode = line.programmeCode();
        project.categoryCode = line.categoryCode();
        project.status = line.status().value();
        project.sector = line.sector();
        project.estimatedAmount = line.amount();
        project.estimatedCurrency = line.currency();
        project.plannedStart = line.plannedStart();
        project.plannedCompletion = line.plannedCompletion();
        if (line.typeGiven()) {
            project.type = line.type() == null ? null : line.type().value();
        }
    }
}
