package org.urbaninvest.investment.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.urbaninvest.investment.domain.Stage;

/** One stage move or amendment of an agreement. */
@Entity
@Table(name = "agreement_history")
public class HistoryEntryEntity {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agreement_id")
    public AgreementEntity agreement;

    /** Position in the agreement's history; unique per agreement, so two racing moves cannot both be recorded. */
    public int seq;

    public Instant at;

    public String action;

    @Enumerated(EnumType.STRING)
    public Stage stage;

    public LocalDate date;

    public String actor;

    public String reason;

    /** JSON object: field name → {"from": …, "to": …}. */
    public String changes;
}
