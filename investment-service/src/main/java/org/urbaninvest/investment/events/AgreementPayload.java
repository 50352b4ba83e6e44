package org.urbaninvest.investment.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.urbaninvest.investment.domain.Stage;
import org.urbaninvest.platform.money.Money;

/** The value of every event on {@code agreements.v1}: the agreement's full snapshot ({@code events/defs/agreement.json}). */
public record AgreementPayload(UUID id, String projectCode, String zoneCode, UUID investorId, String reference,
        Stage stage, Money intendedAmount, LocalDate intendedOn, Money signedAmount, LocalDate signedOn,
        LocalDate startedOn, LocalDate operationalOn, LocalDate withdrawnOn, String withdrawalReason,
        List<Disbursement> disbursements, Money fundsInPlace, List<HistoryEntry> history, long version,
        Instant createdAt, Instant updatedAt) {

    public record Disbursement(UUID id, String reference, Money amount, LocalDate receivedOn, Instant recordedAt) {
    }

    /** One stage move or amendment; {@code changes} maps a field to {@code {"from": …, "to": …}}. */
    public record HistoryEntry(Instant at, String action, Stage stage, LocalDate date, String actor, String reason,
            JsonNode changes) {
    }
}
