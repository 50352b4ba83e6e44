package org.urbaninvest.investment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.urbaninvest.platform.money.Money;

/** The body of {@code POST /api/v1/agreements/{id}/disbursements}. */
@Schema(example = """
        {"amount": {"amount": "120000.00", "currency": "CNY"}, "receivedOn": "2025-07-15", "reference": "TR-0715"}
        """)
public record DisburseRequest(@Valid @NotNull Money amount, @NotNull LocalDate receivedOn,
        @Schema(description = "the client's name for the disbursement, unique per agreement (409 when taken)")
        @Size(max = 200) String reference) {
}
