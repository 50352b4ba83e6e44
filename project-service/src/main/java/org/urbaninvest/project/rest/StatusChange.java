package org.urbaninvest.project.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.urbaninvest.project.domain.ProjectStatus;

public record StatusChange(@NotNull ProjectStatus status, @Size(max = 2_000) String reason) {
}
