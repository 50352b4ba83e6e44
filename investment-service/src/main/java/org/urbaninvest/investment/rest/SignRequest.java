package org.urbaninvest.investment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.urbaninvest.platform.money.Money;

/** The body of {@code POST /api/v1/agreements/{id}/sign}. */
@Schema(example = """
        {"signedAmount": {"amount": "480000.00", "currency": "CNY"}, "signedOn": "2025-05-20"}
        """)
public record SignRequest(@Valid @NotNull Money signedAmount, @NotNull LocalDate signedOn) {
}
