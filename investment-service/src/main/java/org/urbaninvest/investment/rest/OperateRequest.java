package org.urbaninvest.investment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The body of {@code POST /api/v1/agreements/{id}/operate}. */
@Schema(example = """
        {"operationalOn": "2027-09-30"}
        """)
public record OperateRequest(@NotNull LocalDate operationalOn) {
}
