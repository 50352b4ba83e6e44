package org.urbaninvest.project.domain;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.urbaninvest.project.domain.MilestoneCode;
import org.urbaninvest.project.domain.MilestoneStatus;

/** An OC4IDS milestone: what is due when, and whether and when it was met. */
public record Milestone(@NotNull MilestoneCode code, @Size(max = Codes.NAME_MAX) String title,
        @NotNull LocalDate dueDate, LocalDate dateMet, @NotNull MilestoneStatus status) {
}
