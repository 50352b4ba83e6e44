package org.urbaninvest.project.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProjectStatusTest {

    /**
     * Every move, written out by hand (row = from, column = to, in the order identification, preparation,
     * implementation, completion, maintenance, decommissioning, decommissioned, cancelled): forward or to
     * cancelled, never back, never from cancelled, and staying is not a move.
     */
    private static final String[] MOVES = {
        "-xxxxxxx",
        "--xxxxxx",
        "---xxxxx",
        "----xxxx",
        "-----xxx",
        "------xx",
        "-------x",
        "--------",
    };

    @Test
    void movesOnlyForwardOrToCancelled() {
        ProjectStatus[] statuses = ProjectStatus.values();
        assertThat(statuses).extracting(ProjectStatus::value).containsExactly("identification", "preparation",
                "implementation", "completion", "maintenance", "decommissioning", "decommissioned", "cancelled");
        for (int from = 0; from < statuses.length; from++) {
            for (int to = 0; to < statuses.length; to++) {
                assertThat(statuses[from].canMoveTo(statuses[to])).as(statuses[from] + " -> " + statuses[to])
                        .isEqualTo(MOVES[from].charAt(to) == 'x');
            }
        }
    }

    @Test
    void wireValuesAreOc4idsCodes() {
        assertThat(ProjectStatus.fromValue("decommissioning")).isEqualTo(ProjectStatus.DECOMMISSIONING);
        assertThat(ProjectStatus.fromValue("IMPLEMENTATION")).isNull();
        assertThat(ProjectStatus.IMPLEMENTATION.toString()).isEqualTo("implementation");
    }
}
