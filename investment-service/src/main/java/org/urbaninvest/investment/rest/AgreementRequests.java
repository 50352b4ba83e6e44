package org.urbaninvest.investment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.urbaninvest.platform.money.Money;

/** The bodies of the agreement endpoints. */
public final class AgreementRequests {

    private AgreementRequests() {
    }

    /** {@code POST /api/v1/agreements}. */
    public record Intend(
            @NotNull @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,63}$", message = "must be a project code")
            String projectCode,
            @NotNull UUID investorId,
            @Valid @NotNull Money intendedAmount,
            @NotNull LocalDate intendedOn,
            @Size(max = 200) String reference) {
    }

    /** {@code POST /api/v1/agreements/{id}/sign}. */
    public record Sign(@Valid @NotNull Money signedAmount, @NotNull LocalDate signedOn) {
    }

    /** {@code POST /api/v1/agreements/{id}/start}. */
    public record Start(@NotNull LocalDate startedOn) {
    }

    /** {@code POST /api/v1/agreements/{id}/operate}. */
    public record Operate(@NotNull LocalDate operationalOn) {
    }

    /** {@code POST /api/v1/agreements/{id}/withdraw}. */
    public record Withdraw(@NotNull LocalDate withdrawnOn, @NotBlank @Size(max = 2000) String reason) {
    }

    /** {@code POST /api/v1/agreements/{id}/amend}: each amount given replaces the current one. */
    public record Amend(@Valid Money intendedAmount, @Valid Money signedAmount,
            @NotBlank @Size(max = 2000) String reason) {
    }

    /** {@code POST /api/v1/agreements/{id}/disbursements}. */
    public record Disburse(@Valid @NotNull Money amount, @NotNull LocalDate receivedOn) {
    }
}
