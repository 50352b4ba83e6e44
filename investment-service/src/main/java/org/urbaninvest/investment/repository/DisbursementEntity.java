package org.urbaninvest.investment.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Funds received under a signed agreement. */
@Entity
@Table(name = "disbursement")
public class DisbursementEntity {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agreement_id")
    public AgreementEntity agreement;

    /** The client's name for it, unique per agreement; null when none was given. */
    public String reference;

    public BigDecimal amount;

    public String currency;

    @Column(name = "received_on")
    public LocalDate receivedOn;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
