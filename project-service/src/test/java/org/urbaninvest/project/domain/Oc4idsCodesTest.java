package org.urbaninvest.project.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The suite's codes in OC4IDS 0.9's codelists, as the project-service README's table gives them. */
class Oc4idsCodesTest {

    @Test
    void statusesPastCompletionAreCompleted() {
        assertThat(Oc4idsCodes.status(ProjectStatus.IMPLEMENTATION)).isEqualTo("implementation");
        assertThat(Oc4idsCodes.status(ProjectStatus.CANCELLED)).isEqualTo("cancelled");
        for (ProjectStatus past : new ProjectStatus[] {ProjectStatus.MAINTENANCE, ProjectStatus.DECOMMISSIONING,
                ProjectStatus.DECOMMISSIONED}) {
            assertThat(Oc4idsCodes.status(past)).as(past.value()).isEqualTo("completed");
        }
    }

    @Test
    void decommissioningHasNoProjectType() {
        assertThat(Oc4idsCodes.type(ProjectType.EXPANSION)).isEqualTo("expansion");
        assertThat(Oc4idsCodes.type(ProjectType.DECOMMISSIONING)).isNull();
        assertThat(Oc4idsCodes.type(null)).isNull();
    }

    @Test
    void sectorsComeWithTheirParentAndInOc4idsWords() {
        assertThat(Oc4idsCodes.sector("transport.road")).containsExactly("transport", "transport.road");
        assertThat(Oc4idsCodes.sector("economy")).containsExactly("economy");
        assertThat(Oc4idsCodes.sector("environment")).containsExactly("naturalResources");
        assertThat(Oc4idsCodes.sector("water")).containsExactly("waterAndWaste");
        assertThat(Oc4idsCodes.sector("water.supply")).containsExactly("waterAndWaste");
        assertThat(Oc4idsCodes.sector("culture")).containsExactly("cultureSportsAndRecreation");
        assertThat(Oc4idsCodes.sector("recreation")).containsExactly("cultureSportsAndRecreation");
        assertThat(Oc4idsCodes.sector("energy.nuclear")).as("an unknown subsector keeps its sector")
                .containsExactly("energy");
        assertThat(Oc4idsCodes.sector("spaceport")).as("open codelist").containsExactly("spaceport");
        assertThat(Oc4idsCodes.sector(null)).isEmpty();
    }

    @Test
    void milestoneCodesHaveOc4idsTypes() {
        assertThat(Oc4idsCodes.milestoneType(MilestoneCode.PROJECT_APPROVAL)).isEqualTo("approval");
        assertThat(Oc4idsCodes.milestoneType(MilestoneCode.FINANCIAL_CLOSE)).isEqualTo("financing");
        assertThat(Oc4idsCodes.milestoneType(MilestoneCode.OPENING)).isEqualTo("delivery");
        assertThat(Oc4idsCodes.milestoneType(MilestoneCode.OTHER)).isNull();
    }
}
