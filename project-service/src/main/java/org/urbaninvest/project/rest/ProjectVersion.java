package org.urbaninvest.project.rest;

import java.time.Instant;
import java.util.List;

/**
 * One version of a project in its history: when, by whom (the token subject), how ({@code registered},
 * {@code updated}, {@code status-changed}, {@code imported}), which fields changed and why, if a reason was given.
 */
public record ProjectVersion(long version, Instant at, String actor, String change, List<String> changedFields,
        String reason) {
}
