package org.urbaninvest.investment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The body of {@code POST /api/v1/agreements/{id}/start}. */
@Schema(example = """
        {"startedOn": "2025-06-02"}
        """)
public record StartRequest(@NotNull LocalDate startedOn) {
}
