package org.urbaninvest.project.repository;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import org.hibernate.annotations.BatchSize;

@Entity
@Table(name = "programme")
public class ProgrammeEntity {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "zone_code", nullable = false)
    public String zoneCode;

    @Column(name = "published_on", nullable = false)
    public LocalDate publishedOn;

    @Column(name = "declared_project_count", nullable = false)
    public int declaredProjectCount;

    @Column(name = "declared_investment_amount", nullable = false)
    public BigDecimal declaredInvestmentAmount;

    @Column(name = "declared_investment_currency", nullable = false)
    public String declaredInvestmentCurrency;

    /** Loaded for a whole page of programmes at once, not one query per programme. */
    @OneToMany(mappedBy = "programme", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchSize(size = 500)
    public List<ProgrammeCategoryEntity> categories = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
