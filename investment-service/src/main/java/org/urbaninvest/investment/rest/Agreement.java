package org.urbaninvest.investment.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.urbaninvest.investment.domain.Stage;
import org.urbaninvest.platform.money.Money;

/** An agreement as the API shows it; {@code agreements.v1} carries the same fields ({@code AgreementPayload}). */
public record Agreement(UUID id, String projectCode, String zoneCode, UUID investorId, String reference,
        Stage stage, Money intendedAmount, LocalDate intendedOn, Money signedAmount, LocalDate signedOn,
        LocalDate startedOn, LocalDate operationalOn, LocalDate withdrawnOn, String withdrawalReason,
        List<Disbursement> disbursements, Money fundsInPlace, List<HistoryEntry> history, long version,
        Instant createdAt, Instant updatedAt) {

    public record Disbursement(UUID id, Money amount, LocalDate receivedOn, Instant recordedAt) {
    }

    /**
     * One stage move or amendment.
     *
     * @param action {@code intended}, {@code signed}, {@code started}, {@code operational}, {@code withdrawn}
     *               or {@code amended}
     * @param stage the stage after the action
     * @param date the date the move took effect (null for an amendment)
     * @param changes field name → {@code {"from": …, "to": …}}
     */
    public record HistoryEntry(Instant at, String action, Stage stage, LocalDate date, String actor, String reason,
            JsonNode changes) {
    }
}
