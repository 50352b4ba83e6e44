package org.urbaninvest.project.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the service knows of one investment agreement of a project (a replica of investment-service's snapshot on
 * {@code agreements.v1}): its investor, stage, signed amount and the funds received so far.
 *
 * @param investorName null until {@code investors.v1} has brought the investor
 */
public record Funding(UUID agreementId, String projectCode, UUID investorId, String investorName, String stage,
        BigDecimal signedAmount, String signedCurrency, List<Receipt> receipts, Instant updatedAt) {

    /** One disbursement: funds received on a date. */
    public record Receipt(UUID id, BigDecimal amount, String currency, LocalDate receivedOn) {
    }

    /**
     * Whether the investor funds the project: the agreement is signed and not withdrawn, or money was received
     * (a withdrawn agreement keeps the funds it brought).
     */
    public boolean funds() {
        return switch (stage) {
            case "SIGNED", "STARTED", "OPERATIONAL" -> true;
            default -> !receipts.isEmpty();
        };
    }
}
