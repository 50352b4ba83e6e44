package org.urbaninvest.project.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "programme_category")
public class ProgrammeCategoryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "programme_code")
    public ProgrammeEntity programme;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String name;

    @Column(name = "declared_project_count", nullable = false)
    public int declaredProjectCount;

    @Column(name = "declared_investment_amount", nullable = false)
    public BigDecimal declaredInvestmentAmount;

    @Column(name = "declared_investment_currency", nullable = false)
    public String declaredInvestmentCurrency;
}
