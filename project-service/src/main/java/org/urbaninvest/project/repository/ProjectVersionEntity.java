package org.urbaninvest.project.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.ColumnTransformer;

/** One version of a project: who made it, how, which fields changed (a JSON array) and the snapshot. */
@Entity
@Table(name = "project_version")
@IdClass(ProjectVersionEntity.Key.class)
public class ProjectVersionEntity {

    @Id
    @Column(name = "project_code")
    public String projectCode;

    @Id
    public long version;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String change;

    public String reason;

    @Column(name = "changed_fields", nullable = false)
    @ColumnTransformer(write = "?::jsonb")
    public String changedFields;

    @Column(nullable = false)
    @ColumnTransformer(write = "?::jsonb")
    public String snapshot;

    public static class Key implements Serializable {
        public String projectCode;
        public long version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && version == other.version && Objects.equals(projectCode, other.projectCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectCode, version);
        }
    }
}
