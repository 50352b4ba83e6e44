package org.urbaninvest.investment.domain;

import java.util.UUID;

/** The filters of {@code GET /api/v1/agreements}; null means "any". */
public record AgreementFilter(String project, String zone, boolean includeSubzones, Stage stage, UUID investor) {
}
