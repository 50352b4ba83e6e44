package org.urbaninvest.project.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import org.urbaninvest.project.domain.ZoneKind;

@Entity
@Table(name = "zone")
public class ZoneEntity {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ZoneKind kind;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "area_km2")
    public BigDecimal areaKm2;

    public Long population;

    @Column(name = "region_code")
    public String regionCode;

    public String description;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
