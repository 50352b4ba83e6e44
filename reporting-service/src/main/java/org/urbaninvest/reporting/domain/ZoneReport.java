package org.urbaninvest.reporting.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.urbaninvest.platform.money.MoneyTotals;

/**
 * A zone's figures (SYSTEM.md §6): the read model, which GET returns as it is; {@code zone-summaries.v1} carries
 * them as {@code events.ZoneSummaryPayload}, mapped field by field in {@code mapping.EventPayloads}.
 * {@code asOfDate} is the day the agreements were counted as of ({@code null}: as they stand now); {@code asOf}
 * stays the time of the newest event applied.
 */
public record ZoneReport(String zone, Instant asOf, LocalDate asOfDate, Projects projects, Agreements agreements,
        Rates rates, Revisions revisions) {

    /** {@code count} and {@code estimatedInvestment} leave out cancelled projects; {@code byStatus} counts all. */
    public record Projects(long count, MoneyTotals estimatedInvestment, Map<String, Long> byStatus) {
    }

    public record Measure(long count, MoneyTotals amount) {
    }

    public record Agreements(Measure intended, Measure signed, Measure started, Measure operational,
            Measure withdrawn, MoneyTotals fundsInPlace) {
    }

    /** Ratios to 4 places (HALF_EVEN), {@code null} when the denominator is zero; amount rates per currency. */
    public record Rates(BigDecimal signingByCount, Map<String, BigDecimal> signingByAmount, BigDecimal startByCount,
            BigDecimal operationalByCount, Map<String, BigDecimal> fundsInPlaceByAmount) {
    }

    /**
     * Original vs amended, per currency: the intended and signed totals with each agreement's amount as first
     * recorded, as now (the report's figures: amendments replace), their difference, and the number of amendments
     * of the intended set (counted in the intended amount's currency).
     */
    public record Revisions(Revision intended, Revision signed, Map<String, Long> amendments) {
    }

    public record Revision(MoneyTotals original, MoneyTotals current, MoneyTotals change) {
    }
}
