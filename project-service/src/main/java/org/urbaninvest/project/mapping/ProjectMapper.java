package org.urbaninvest.project.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.project.repository.ProjectEntity;
import org.urbaninvest.project.domain.FundingSource;
import org.urbaninvest.project.rest.Geometry;
import org.urbaninvest.project.domain.Identifier;
import org.urbaninvest.project.domain.Milestone;
import org.urbaninvest.project.events.ProjectPayload;
import org.urbaninvest.project.repository.ProjectVersionEntity;
import org.urbaninvest.project.domain.ImportCounts;
import org.urbaninvest.project.rest.ImportResult;
import org.urbaninvest.project.rest.Project;
import org.urbaninvest.project.rest.ProjectRequest;
import org.urbaninvest.project.rest.ProjectVersion;
import org.urbaninvest.project.domain.ProjectStatus;
import org.urbaninvest.project.domain.ProjectType;

/**
 * Project entity ⇄ API, and the project's JSON columns (location, funding sources, milestones, identifiers,
 * history fields and snapshots), written and read with the application's ObjectMapper.
 */
@ApplicationScoped
public class ProjectMapper {

    /** Bookkeeping fields that are not "changes" in a project's history. */
    private static final Set<String> NOT_CHANGES = Set.of("version", "createdAt", "updatedAt");

    private static final TypeReference<List<FundingSource>> FUNDING = new TypeReference<>() { };
    private static final TypeReference<List<Milestone>> MILESTONES = new TypeReference<>() { };
    private static final TypeReference<List<Identifier>> IDENTIFIERS = new TypeReference<>() { };

    @Inject
    ObjectMapper json;

    public Project toApi(ProjectEntity p) {
        return new Project(p.code, p.name, p.zoneCode, p.programmeCode, p.categoryCode,
                ProjectStatus.fromValue(p.status), ProjectType.fromValue(p.type), p.sector,
                new Money(p.estimatedAmount, p.estimatedCurrency.trim()), p.plannedStart, p.plannedCompletion,
                read(p.location, Geometry.class), fundingSources(p), milestones(p), identifiers(p), p.description,
                p.version, p.createdAt, p.updatedAt);
    }

    public static ImportResult toApi(ImportCounts counts) {
        return new ImportResult(counts.created(), counts.updated(), counts.unchanged());
    }

    public ProjectVersion toApi(ProjectVersionEntity v) {
        return new ProjectVersion(v.version, v.at, v.actor, v.change, readStrings(v.changedFields), v.reason);
    }

    /**
     * What a client sent, as an unsaved project: {@code code} as given (it may be left out on PUT), version and
     * times left to the service.
     */
    public ProjectEntity draft(ProjectRequest request) {
        ProjectEntity p = new ProjectEntity();
        p.code = request.code();
        p.name = request.name();
        p.zoneCode = request.zoneCode();
        p.programmeCode = request.programmeCode();
        p.categoryCode = request.categoryCode();
        p.status = request.status().value();
        p.type = request.type() == null ? null : request.type().value();
        p.sector = request.sector();
        p.estimatedAmount = request.estimatedInvestment().scaled();
        p.estimatedCurrency = request.estimatedInvestment().currency();
        p.plannedStart = request.plannedStart();
        p.plannedCompletion = request.plannedCompletion();
        p.location = write(request.location());
        p.fundingSources = write(request.fundingSources());
        p.milestones = write(request.milestones());
        p.identifiers = write(request.identifiers());
        p.description = request.description();
        return p;
    }

    /** A copy that can be changed without touching the original (imports compare before and after). */
    public static ProjectEntity copy(ProjectEntity p) {
        ProjectEntity c = new ProjectEntity();
        c.code = p.code;
        copyClientFields(p, c);
        c.version = p.version;
        c.createdAt = p.createdAt;
        c.updatedAt = p.updatedAt;
        return c;
    }

    /** Copies everything a client sets (a full replace) from a draft; code, version and times stay. */
    public static void copyClientFields(ProjectEntity from, ProjectEntity to) {
        to.name = from.name;
        to.zoneCode = from.zoneCode;
        to.programmeCode = from.programmeCode;
        to.categoryCode = from.categoryCode;
        to.status = from.status;
        to.type = from.type;
        to.sector = from.sector;
        to.estimatedAmount = from.estimatedAmount;
        to.estimatedCurrency = from.estimatedCurrency;
        to.plannedStart = from.plannedStart;
        to.plannedCompletion = from.plannedCompletion;
        to.location = from.location;
        to.fundingSources = from.fundingSources;
        to.milestones = from.milestones;
        to.identifiers = from.identifiers;
        to.description = from.description;
    }

    /**
     * The names of the snapshot's fields whose values differ, bookkeeping left out, in field order (the snapshot
     * and the representation have the same fields).
     */
    public List<String> changedFields(ProjectPayload before, ProjectPayload after) {
        JsonNode old = json.valueToTree(before);
        JsonNode now = json.valueToTree(after);
        List<String> changed = new ArrayList<>();
        for (Iterator<String> names = now.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!NOT_CHANGES.contains(name) && (old == null || !now.get(name).equals(old.get(name)))) {
                changed.add(name);
            }
        }
        return changed;
    }

    /** The fields a new project sets, for the first entry of its history, in representation order. */
    public static List<String> setFields(ProjectEntity p) {
        List<String> set = new ArrayList<>();
        addIf(set, p.name != null, "name");
        addIf(set, p.zoneCode != null, "zoneCode");
        addIf(set, p.programmeCode != null, "programmeCode");
        addIf(set, p.categoryCode != null, "categoryCode");
        addIf(set, p.status != null, "status");
        addIf(set, p.type != null, "type");
        addIf(set, p.sector != null, "sector");
        addIf(set, p.estimatedAmount != null, "estimatedInvestment");
        addIf(set, p.plannedStart != null, "plannedStart");
        addIf(set, p.plannedCompletion != null, "plannedCompletion");
        addIf(set, p.location != null, "location");
        addIf(set, p.fundingSources != null, "fundingSources");
        addIf(set, p.milestones != null, "milestones");
        addIf(set, p.identifiers != null, "identifiers");
        addIf(set, p.description != null, "description");
        return set;
    }

    /**
     * The fields an import line changed, compared column by column (cheaper than comparing representations,
     * and exact because an import copies the JSON documents unchanged), in representation order.
     */
    public static List<String> changedColumns(ProjectEntity before, ProjectEntity after) {
        List<String> changed = new ArrayList<>(2);
        addIf(changed, !Objects.equals(before.name, after.name), "name");
        addIf(changed, !Objects.equals(before.zoneCode, after.zoneCode), "zoneCode");
        addIf(changed, !Objects.equals(before.programmeCode, after.programmeCode), "programmeCode");
        addIf(changed, !Objects.equals(before.categoryCode, after.categoryCode), "categoryCode");
        addIf(changed, !Objects.equals(before.status, after.status), "status");
        addIf(changed, !Objects.equals(before.type, after.type), "type");
        addIf(changed, !Objects.equals(before.sector, after.sector), "sector");
        addIf(changed, before.estimatedAmount.compareTo(after.estimatedAmount) != 0
                || !before.estimatedCurrency.trim().equals(after.estimatedCurrency.trim()), "estimatedInvestment");
        addIf(changed, !Objects.equals(before.plannedStart, after.plannedStart), "plannedStart");
        addIf(changed, !Objects.equals(before.plannedCompletion, after.plannedCompletion), "plannedCompletion");
        return changed;
    }

    private static void addIf(List<String> fields, boolean condition, String field) {
        if (condition) {
            fields.add(field);
        }
    }

    public String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write project JSON", e);
        }
    }

    public List<String> readStrings(String text) {
        return read(text, new TypeReference<List<String>>() { });
    }

    public List<FundingSource> fundingSources(ProjectEntity p) {
        return read(p.fundingSources, FUNDING);
    }

    public List<Milestone> milestones(ProjectEntity p) {
        return read(p.milestones, MILESTONES);
    }

    public List<Identifier> identifiers(ProjectEntity p) {
        return read(p.identifiers, IDENTIFIERS);
    }

    /** A JSON column as the given type ({@code null} stays {@code null}). */
    public <T> T read(String text, Class<T> type) {
        try {
            return text == null ? null : json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored project JSON is unreadable", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return text == null ? null : json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored project JSON is unreadable", e);
        }
    }
}
