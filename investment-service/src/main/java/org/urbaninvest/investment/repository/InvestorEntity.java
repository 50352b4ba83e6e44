package org.urbaninvest.investment.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.urbaninvest.investment.domain.InvestorKind;

@Entity
@Table(name = "investor")
public class InvestorEntity {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public InvestorKind kind;

    @Column(name = "credit_code")
    public String creditCode;

    public String country;

    /** Starts at 1 as the API counts versions; Hibernate takes a new entity's initial value as its "unsaved" mark. */
    @Version
    public long version = 1;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
