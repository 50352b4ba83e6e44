package org.urbaninvest.project.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.urbaninvest.project.domain.Category;
import org.urbaninvest.project.domain.Declared;

/** An opportunity list as GET returns it and as its events carry it. */
public record Programme(String code, String name, String zoneCode, LocalDate publishedOn, Declared declared,
        List<Category> categories, long version, Instant createdAt, Instant updatedAt) {
}
