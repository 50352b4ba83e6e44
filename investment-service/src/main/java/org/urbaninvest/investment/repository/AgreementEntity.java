package org.urbaninvest.investment.repository;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.urbaninvest.investment.domain.Stage;

@Entity
@Table(name = "agreement")
public class AgreementEntity {

    @Id
    public UUID id;

    @Column(name = "project_code")
    public String projectCode;

    @Column(name = "zone_code")
    public String zoneCode;

    @Column(name = "investor_id")
    public UUID investorId;

    public String reference;

    @Enumerated(EnumType.STRING)
    public Stage stage;

    @Column(name = "intended_amount")
    public BigDecimal intendedAmount;

    @Column(name = "intended_currency")
    public String intendedCurrency;

    @Column(name = "intended_on")
    public LocalDate intendedOn;

    @Column(name = "signed_amount")
    public BigDecimal signedAmount;

    @Column(name = "signed_currency")
    public String signedCurrency;

    @Column(name = "signed_on")
    public LocalDate signedOn;

    @Column(name = "started_on")
    public LocalDate startedOn;

    @Column(name = "operational_on")
    public LocalDate operationalOn;

    @Column(name = "withdrawn_on")
    public LocalDate withdrawnOn;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    /** Starts at 1 as the API counts versions; Hibernate takes a new entity's initial value as its "unsaved" mark. */
    @Version
    public long version = 1;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Loaded for a whole page of agreements at once, not one query per agreement. */
    @OneToMany(mappedBy = "agreement", cascade = CascadeType.PERSIST)
    @OrderBy("seq")
    @BatchSize(size = 500)
    public List<HistoryEntryEntity> history = new ArrayList<>();

    @OneToMany(mappedBy = "agreement", cascade = CascadeType.PERSIST)
    @OrderBy("receivedOn, recordedAt")
    @BatchSize(size = 500)
    public List<DisbursementEntity> disbursements = new ArrayList<>();
}
