package org.urbaninvest.reporting.domain;

import org.urbaninvest.platform.money.MoneyTotals;

/** One period of a zone's time series: {@code 2022-07}, {@code 2022-Q3} or {@code 2022}. */
public record TimeseriesPoint(String period, long count, MoneyTotals amount) {
}
