package org.urbaninvest.reporting.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.urbaninvest.platform.money.MoneyTotals;

/**
 * A zone's figures (SYSTEM.md §6): the read model, which GET returns as it is; {@code zone-summaries.v1} carries
 * them as {@code events.ZoneSummaryPayload}, mapped field by field in {@code mapping.EventPayloads}.
 */
public record ZoneReport(String zone, Instant asOf, Projects projects, Agreements agreements, Rates rates) {

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
}
