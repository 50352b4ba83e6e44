package org.urbaninvest.investment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The body of {@code POST /api/v1/agreements/{id}/withdraw}. */
@Schema(example = """
        {"withdrawnOn": "2025-05-02", "reason": "The investor's board declined the project"}
        """)
public record WithdrawRequest(@NotNull LocalDate withdrawnOn, @NotBlank @Size(max = 2000) String reason) {
}
