package org.urbaninvest.project.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A project row. Status and type hold the OC4IDS wire values; location, funding sources, milestones and
 * identifiers are JSON documents (JSONB), written and read as text by the mapping.
 */
@Entity
@Table(name = "project")
public class ProjectEntity {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "zone_code", nullable = false)
    public String zoneCode;

    @Column(name = "programme_code")
    public String programmeCode;

    @Column(name = "category_code")
    public String categoryCode;

    @Column(nullable = false)
    public String status;

    public String type;

    public String sector;

    @Column(name = "estimated_investment_amount", nullable = false)
    public BigDecimal estimatedAmount;

    @Column(name = "estimated_investment_currency", nullable = false)
    public String estimatedCurrency;

    @Column(name = "planned_start")
    public LocalDate plannedStart;

    @Column(name = "planned_completion")
    public LocalDate plannedCompletion;

    @ColumnTransformer(write = "?::jsonb")
    public String location;

    @Column(name = "funding_sources")
    @ColumnTransformer(write = "?::jsonb")
    public String fundingSources;

    @ColumnTransformer(write = "?::jsonb")
    public String milestones;

    @ColumnTransformer(write = "?::jsonb")
    public String identifiers;

    public String description;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
