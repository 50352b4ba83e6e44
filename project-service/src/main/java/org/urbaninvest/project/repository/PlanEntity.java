package org.urbaninvest.project.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.ColumnTransformer;

/** A plan row; its indicators are one JSON column (see {@code PlanMapper}). */
@Entity
@Table(name = "plan")
public class PlanEntity {

    @Id
    public String code;

    @Column(name = "zone_code", nullable = false)
    public String zoneCode;

    @Column(nullable = false)
    public String title;

    @Column(name = "source_title", nullable = false)
    public String sourceTitle;

    @Column(name = "source_issuer", nullable = false)
    public String sourceIssuer;

    @Column(name = "source_date", nullable = false)
    public LocalDate sourceDate;

    @Column(name = "source_url")
    public String sourceUrl;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Column(nullable = false)
    @ColumnTransformer(write = "?::jsonb")
    public String indicators;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
