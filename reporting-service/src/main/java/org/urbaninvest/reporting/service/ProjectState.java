package org.urbaninvest.reporting.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.reporting.mapping.Snapshots;
import org.urbaninvest.reporting.repository.TotalsTable;

/** What the reports need of a project, and what it contributes to the totals. */
public record ProjectState(String code, String zoneCode, String programmeCode, String categoryCode, String status,
        Money estimatedInvestment) {

    public static final String CANCELLED = "cancelled";
    /** The category key of a programme's projects that name no category. */
    public static final String NO_CATEGORY = "";

    public static ProjectState of(String key, JsonNode data) {
        return new ProjectState(key, Snapshots.text(data, "zoneCode"), Snapshots.optionalText(data, "programmeCode"),
                Snapshots.optionalText(data, "categoryCode"), Snapshots.text(data, "status"),
                Snapshots.money(data, "estimatedInvestment"));
    }

    /**
     * Every project counts in its zone's {@code byStatus}; a non-cancelled one also counts as registered in its
     * programme and category. (Estimated investment leaves out cancelled projects when the report is read.)
     */
    public Contribution contribution() {
        Contribution contribution = Contribution.none().add(TotalsTable.ZONE_PROJECTS, 1,
                estimatedInvestment.amount(), zoneCode, status, estimatedInvestment.currency());
        if (programmeCode != null && !CANCELLED.equals(status)) {
            contribution.add(TotalsTable.PROGRAMME_CATEGORIES, 1, estimatedInvestment.amount(), programmeCode,
                    categoryCode == null ? NO_CATEGORY : categoryCode, estimatedInvestment.currency());
        }
        return contribution;
    }

    static Contribution contributionOf(ProjectState state) {
        return state == null ? Contribution.none() : state.contribution();
    }
}
