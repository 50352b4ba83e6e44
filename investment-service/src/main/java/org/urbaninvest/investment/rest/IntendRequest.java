package org.urbaninvest.investment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.urbaninvest.platform.money.Money;

/** The body of {@code POST /api/v1/agreements}. */
@Schema(example = """
        {"projectCode": "ring-road-east", "investorId": "0b9f7a4e-5c1d-4e8a-9a63-2f4d8c1e7b20",
        "intendedAmount": {"amount": "500000.00", "currency": "CNY"}, "intendedOn": "2025-04-10",
        "reference": "LOI-2025-017"}
        """)
public record IntendRequest(
        @NotNull @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,63}$", message = "must be a project code")
        String projectCode,
        @NotNull UUID investorId,
        @Valid @NotNull Money intendedAmount,
        @NotNull LocalDate intendedOn,
        @Size(max = 200) String reference) {
}
