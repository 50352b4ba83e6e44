package org.urbaninvest.reporting.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.urbaninvest.platform.money.MoneyTotals;

/** The value of {@code zone-summaries.v1}: a zone's figures ({@code events/report.zone-summary.schema.json}). */
public record ZoneSummaryPayload(String zone, Instant asOf, Projects projects, Agreements agreements, Rates rates) {

    public record Projects(long count, MoneyTotals estimatedInvestment, Map<String, Long> byStatus) {
    }

    public record Measure(long count, MoneyTotals amount) {
    }

    public record Agreements(Measure intended, Measure signed, Measure started, Measure operational,
            Measure withdrawn, MoneyTotals fundsInPlace) {
    }

    public record Rates(BigDecimal signingByCount, Map<String, BigDecimal> signingByAmount, BigDecimal startByCount,
            BigDecimal operationalByCount, Map<String, BigDecimal> fundsInPlaceByAmount) {
    }
}
