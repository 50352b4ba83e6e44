package org.urbaninvest.investment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.urbaninvest.platform.money.Money;

/** The body of {@code POST /api/v1/agreements}. */
public record IntendRequest(
        @NotNull @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,63}$", message = "must be a project code")
        String projectCode,
        @NotNull UUID investorId,
        @Valid @NotNull Money intendedAmount,
        @NotNull LocalDate intendedOn,
        @Size(max = 200) String reference) {
}
