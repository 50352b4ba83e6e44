package org.urbaninvest.project.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.urbaninvest.project.domain.ProjectStatus;

@Schema(example = """
        {"status": "implementation", "reason": "Construction permit granted"}
        """)
public record StatusChange(@NotNull ProjectStatus status, @Size(max = 2_000) String reason) {
}
