package org.urbaninvest.project.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.urbaninvest.project.domain.Category;
import org.urbaninvest.project.domain.Declared;

/** The value of every event on {@code programmes.v1}: the opportunity list's snapshot ({@code events/programme.schema.json}). */
public record ProgrammePayload(String code, String name, String zoneCode, LocalDate publishedOn, Declared declared,
        List<Category> categories, long version, Instant createdAt, Instant updatedAt) {
}
