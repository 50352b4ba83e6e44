package org.urbaninvest.project.domain;

/**
 * The filters of {@code GET /api/v1/projects}, used alike by the JSON page and the streamed CSV; null means
 * "any". {@code repository.ProjectConditions} turns them into SQL.
 */
public record ProjectFilter(String zone, boolean includeSubzones, String programme, String category, String status,
        String q) {
}
