package org.urbaninvest.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.urbaninvest.platform.problem.ProblemException;
import org.urbaninvest.platform.security.ZoneScope;
import org.urbaninvest.project.domain.Funding;
import org.urbaninvest.project.repository.FundingReplicaRepository;
import org.urbaninvest.project.repository.ProjectEntity;
import org.urbaninvest.project.repository.ProjectRepository;
import org.urbaninvest.project.repository.ZoneEntity;
import org.urbaninvest.project.repository.ZoneRepository;

/** What an OC4IDS project package of a zone holds: its projects, their zones, and their agreements (funding). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Oc4idsService {

    /** The projects of a package by code, the zones they lie in by code, and the agreements of those projects. */
    public record PackageContent(List<ProjectEntity> projects, Map<String, ZoneEntity> zones, List<Funding> fundings) {
    }

    @Inject
    ZoneRepository zones;

    @Inject
    ProjectRepository projects;

    @Inject
    FundingReplicaRepository fundings;

    @Inject
    ZoneScope scope;

    /**
     * The projects of {@code zoneCode} (and of every zone below it with {@code includeSubzones}). An unknown zone, or
     * one outside the caller's zones, is 404; so is a zone without a project, since a package holds one at least.
     */
    public PackageContent packageOf(String zoneCode, boolean includeSubzones) {
        String unknown = "no zone " + zoneCode;
        if (zones.findById(zoneCode) == null) {
            throw ProblemException.notFound(unknown);
        }
        scope.requireReadable(zoneCode, unknown);
        List<String> zoneCodes = includeSubzones ? zones.selfAndDescendants(zoneCode) : List.of(zoneCode);
        List<ProjectEntity> found = projects.list("zoneCode in ?1 order by code", zoneCodes);
        if (found.isEmpty()) {
            throw ProblemException.notFound("zone " + zoneCode + (includeSubzones ? " and the zones below it have"
                    : " has") + " no project; an OC4IDS project package holds one at least");
        }
        Map<String, ZoneEntity> byCode = zones.list("code in ?1", found.stream().map(p -> p.zoneCode).distinct()
                .toList()).stream().collect(Collectors.toMap(z -> z.code, Function.identity()));
        return new PackageContent(found, byCode, fundings.ofProjects(found.stream().map(p -> p.code).toList()));
    }
}
