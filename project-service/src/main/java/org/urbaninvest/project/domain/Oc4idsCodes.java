package org.urbaninvest.project.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suite's codes in OC4IDS 0.9's codelists (projectStatus, projectType, projectSector, milestoneType), where they
 * differ. The project-service README shows the same table.
 */
public final class Oc4idsCodes {

    /** OC4IDS 0.9 projectSector (open codelist). */
    static final Set<String> SECTORS = Set.of("education", "health", "energy", "energy.solar", "energy.wind",
            "energy.hydropower", "energy.biomass", "energy.geothermal", "communications", "waterAndWaste",
            "governance", "economy", "cultureSportsAndRecreation", "transport", "transport.air", "transport.water",
            "transport.rail", "transport.road", "transport.urban", "transport.lowCarbon", "socialHousing",
            "naturalResources", "naturalResources.floodProtection");

    /** Suite sector codes (or their top-level part) that OC4IDS names otherwise. */
    static final Map<String, String> SECTOR_NAMES = Map.of(
            "environment", "naturalResources",
            "water", "waterAndWaste",
            "waste", "waterAndWaste",
            "culture", "cultureSportsAndRecreation",
            "sports", "cultureSportsAndRecreation",
            "recreation", "cultureSportsAndRecreation",
            "tourism", "cultureSportsAndRecreation");

    private Oc4idsCodes() {
    }

    /**
     * OC4IDS projectStatus has no maintenance or decommissioning phase: a project past completion is
     * {@code completed} ("close-out activities were completed, and this project is inactive").
     */
    public static String status(ProjectStatus status) {
        return switch (status) {
            case MAINTENANCE, DECOMMISSIONING, DECOMMISSIONED -> "completed";
            default -> status.value();
        };
    }

    /** OC4IDS 0.9 projectType has no {@code decommissioning}: such a project has no type in the package. */
    public static String type(ProjectType type) {
        return type == null || type == ProjectType.DECOMMISSIONING ? null : type.value();
    }

    /**
     * The project's sector as OC4IDS lists it: a subsector with its sector first ({@code transport.road} →
     * {@code [transport, transport.road]}), a code OC4IDS names otherwise renamed ({@code water.supply} →
     * {@code [waterAndWaste]}), any other code as it is (the codelist is open).
     */
    public static List<String> sector(String sector) {
        if (sector == null) {
            return List.of();
        }
        int dot = sector.indexOf('.');
        String top = dot < 0 ? sector : sector.substring(0, dot);
        if (SECTORS.contains(sector)) {
            return dot < 0 ? List.of(sector) : List.of(top, sector);
        }
        String renamed = SECTOR_NAMES.getOrDefault(sector, SECTOR_NAMES.get(top));
        if (renamed != null) {
            return List.of(renamed);
        }
        return SECTORS.contains(top) ? List.of(top) : List.of(sector);
    }

    /** OC4IDS milestoneType of a suite milestone code; null for {@code other}. */
    public static String milestoneType(MilestoneCode code) {
        return switch (code) {
            case PROJECT_APPROVAL -> "approval";
            case FINANCIAL_CLOSE -> "financing";
            case COMMENCEMENT, COMPLETION, COMMISSIONING, OPENING -> "delivery";
            case OTHER -> null;
        };
    }

    /** A milestone's title when it has none of its own. */
    public static String milestoneTitle(MilestoneCode code) {
        return switch (code) {
            case PROJECT_APPROVAL -> "Project approval";
            case FINANCIAL_CLOSE -> "Financial close";
            case COMMENCEMENT -> "Commencement";
            case COMPLETION -> "Completion";
            case COMMISSIONING -> "Commissioning";
            case OPENING -> "Opening";
            case OTHER -> "Milestone";
        };
    }

    /** The budget breakdown entry's description of a funding source. */
    public static String fundingDescription(FundingKind kind) {
        return switch (kind) {
            case CENTRAL_SUBSIDY -> "Central government subsidy";
            case LOCAL_FISCAL -> "Local fiscal funds";
            case SPECIAL_BOND -> "Local government special bonds";
            case BANK_LOAN -> "Bank loans";
            case OPERATOR_INVESTMENT -> "Operator's own investment";
            case SOCIAL_CAPITAL -> "Social capital";
            case RESIDENT_CONTRIBUTION -> "Residents' contributions";
            case OTHER -> "Other sources";
        };
    }
}
