package org.urbaninvest.investment.domain;

import java.util.Set;
import java.util.UUID;

/**
 * The filters of {@code GET /api/v1/agreements}; null means "any". {@code zonesInScope} are the zones the caller may
 * see (null: all).
 */
public record AgreementFilter(String project, String zone, boolean includeSubzones, Stage stage, UUID investor,
        Set<String> zonesInScope) {

    public AgreementFilter(String project, String zone, boolean includeSubzones, Stage stage, UUID investor) {
        this(project, zone, includeSubzones, stage, investor, null);
    }

    /** The same filter, limited to the zones a caller may see (null: all). */
    public AgreementFilter within(Set<String> zones) {
        return new AgreementFilter(project, zone, includeSubzones, stage, investor, zones);
    }
}
