package org.urbaninvest.investment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.urbaninvest.investment.domain.Stage;
import org.urbaninvest.platform.money.Money;

/** An agreement as the API shows it; {@code agreements.v1} carries the same fields ({@code AgreementPayload}). */
@Schema(example = """
        {"id": "5d2c6f0e-8a1b-4c3d-9e7f-1a2b3c4d5e6f", "projectCode": "ring-road-east", "zoneCode": "caijia",
        "investorId": "0b9f7a4e-5c1d-4e8a-9a63-2f4d8c1e7b20", "reference": "LOI-2025-017", "stage": "SIGNED",
        "intendedAmount": {"amount": "500000.00", "currency": "CNY"}, "intendedOn": "2025-04-10",
        "signedAmount": {"amount": "480000.00", "currency": "CNY"}, "signedOn": "2025-05-20",
        "disbursements": [{"id": "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "reference": "TR-0715",
        "amount": {"amount": "120000.00", "currency": "CNY"}, "receivedOn": "2025-07-15",
        "recordedAt": "2025-07-16T09:12:00Z"}], "fundsInPlace": {"amount": "120000.00", "currency": "CNY"},
        "history": [{"at": "2025-04-10T08:00:00Z", "action": "intended", "stage": "INTENDED", "date": "2025-04-10",
        "actor": "editor-user", "changes": {"intendedAmount": {"from": null, "to": {"amount": "500000.00",
        "currency": "CNY"}}}}, {"at": "2025-05-20T10:30:00Z", "action": "signed", "stage": "SIGNED",
        "date": "2025-05-20", "actor": "editor-user", "changes": {"signedAmount": {"from": null,
        "to": {"amount": "480000.00", "currency": "CNY"}}}}], "version": 3, "createdAt": "2025-04-10T08:00:00Z",
        "updatedAt": "2025-07-16T09:12:00Z"}
        """)
public record Agreement(UUID id, String projectCode, String zoneCode, UUID investorId, String reference,
        Stage stage, Money intendedAmount, LocalDate intendedOn, Money signedAmount, LocalDate signedOn,
        LocalDate startedOn, LocalDate operationalOn, LocalDate withdrawnOn, String withdrawalReason,
        List<Disbursement> disbursements, Money fundsInPlace, List<HistoryEntry> history, long version,
        Instant createdAt, Instant updatedAt) {

    /** Funds received; {@code reference} is the client's name for them (null when none was given). */
    public record Disbursement(UUID id, String reference, Money amount, LocalDate receivedOn, Instant recordedAt) {
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
