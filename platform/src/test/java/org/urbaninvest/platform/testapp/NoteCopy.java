package org.urbaninvest.platform.testapp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "note_copy")
public class NoteCopy extends PanacheEntityBase {

    @Id
    public String id;

    public String text;

    public long version;

    @Column(name = "applied_count")
    public int appliedCount;
}
