package org.urbaninvest.platform.testapp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.UUID;

@Entity
public class Note extends PanacheEntityBase {

    @Id
    public UUID id;

    public String text;

    public BigDecimal amount;

    public String currency;

    @Version
    public long version;
}
