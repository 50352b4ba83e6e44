package org.urbaninvest.project.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * One version of a project in its history: when, by whom (the token subject), how ({@code registered},
 * {@code updated}, {@code status-changed}, {@code imported}), which fields changed and why, if a reason was given.
 */
@Schema(example = """
        {"version": 2, "at": "2025-06-01T07:45:10Z", "actor": "editor-user", "change": "status-changed",
        "changedFields": ["status"], "reason": "Construction permit granted"}
        """)
public record ProjectVersion(long version, Instant at, String actor, String change, List<String> changedFields,
        String reason) {
}
