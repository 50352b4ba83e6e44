package org.urbaninvest.project.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.urbaninvest.project.domain.ProjectStatus;

class ProjectStatusTest {

    @Test
    void movesOnlyForwardOrToCancelled() {
        for (ProjectStatus from : ProjectStatus.values()) {
            for (ProjectStatus to : ProjectStatus.values()) {
                boolean expected = from != ProjectStatus.CANCELLED
                        && (to == ProjectStatus.CANCELLED || to.ordinal() > from.ordinal());
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(expected);
            }
        }
        assertThat(ProjectStatus.IDENTIFICATION.canMoveTo(ProjectStatus.DECOMMISSIONED)).isTrue();
        assertThat(ProjectStatus.COMPLETION.canMoveTo(ProjectStatus.PREPARATION)).isFalse();
        assertThat(ProjectStatus.CANCELLED.canMoveTo(ProjectStatus.CANCELLED)).isFalse();
    }

    @Test
    void wireValuesAreOc4idsCodes() {
        assertThat(ProjectStatus.fromValue("decommissioning")).isEqualTo(ProjectStatus.DECOMMISSIONING);
        assertThat(ProjectStatus.fromValue("IMPLEMENTATION")).isNull();
        assertThat(ProjectStatus.IMPLEMENTATION.toString()).isEqualTo("implementation");
    }
}
