package org.urbaninvest.project.domain;

import java.util.Set;

/**
 * The filters of {@code GET /api/v1/projects}, used alike by the JSON page and the streamed CSV; null means
 * "any". {@code zonesInScope} are the zones the caller may see (null: all). {@code repository.ProjectConditions}
 * turns them into SQL.
 */
public record ProjectFilter(String zone, boolean includeSubzones, String programme, String category, String status,
        String q, Set<String> zonesInScope) {
}
