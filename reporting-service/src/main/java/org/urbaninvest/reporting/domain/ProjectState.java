package org.urbaninvest.reporting.domain;

import java.time.LocalDate;
import java.util.List;
import org.urbaninvest.platform.money.Money;

/** What the reports need of a project, and what it contributes to the totals. */
public record ProjectState(String code, String zoneCode, String programmeCode, String categoryCode, String status,
        Money estimatedInvestment, List<Milestone> milestones) {

    /** An OC4IDS milestone: {@code status} scheduled, met, notMet or partiallyMet. */
    public record Milestone(String code, LocalDate dueDate, LocalDate dateMet, String status) {
    }

    /** OC4IDS project statuses in their order; a zone report's {@code byStatus} lists each, zero or not. */
    public static final List<String> STATUSES = List.of("identification", "preparation", "implementation",
            "completion", "maintenance", "decommissioning", "decommissioned", "cancelled");
    public static final String CANCELLED = "cancelled";
    /** The category key of a programme's projects that name no category. */
    public static final String NO_CATEGORY = "";

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

    public static Contribution contributionOf(ProjectState state) {
        return state == null ? Contribution.none() : state.contribution();
    }
}
