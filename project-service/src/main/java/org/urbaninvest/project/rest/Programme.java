package org.urbaninvest.project.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.urbaninvest.project.domain.Category;
import org.urbaninvest.project.domain.Declared;

/** An opportunity list as GET returns it and as its events carry it. */
@Schema(example = """
        {"code": "east-2025", "name": "East district opportunities 2025", "zoneCode": "caijia",
        "publishedOn": "2025-03-01", "declared": {"projectCount": 12, "investment": {"amount": "860000000.00",
        "currency": "CNY"}}, "categories": [{"code": "roads", "name": "Roads", "declared": {"projectCount": 5,
        "investment": {"amount": "320000000.00", "currency": "CNY"}}}], "version": 1,
        "createdAt": "2025-03-01T09:00:00Z", "updatedAt": "2025-03-01T09:00:00Z"}
        """)
public record Programme(String code, String name, String zoneCode, LocalDate publishedOn, Declared declared,
        List<Category> categories, long version, Instant createdAt, Instant updatedAt) {
}
