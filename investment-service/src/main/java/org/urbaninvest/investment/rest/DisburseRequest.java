package org.urbaninvest.investment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.urbaninvest.platform.money.Money;

/** The body of {@code POST /api/v1/agreements/{id}/disbursements}. */
@Schema(example = """
        {"amount": {"amount": "120000.00", "currency": "CNY"}, "receivedOn": "2025-07-15"}
        """)
public record DisburseRequest(@Valid @NotNull Money amount, @NotNull LocalDate receivedOn) {
}
