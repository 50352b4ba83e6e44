package org.urbaninvest.reporting.domain;

import java.time.LocalDate;
import org.urbaninvest.platform.json.WireEnum;

/** The periods a time series is summed over; its wire value names it in the {@code interval} parameter. */
public enum SeriesInterval implements WireEnum {
    MONTH, QUARTER, YEAR;

    /** The period a month falls in: {@code 2022-07}, {@code 2022-Q3} or {@code 2022}. */
    public String period(LocalDate month) {
        return switch (this) {
            case MONTH -> String.format("%04d-%02d", month.getYear(), month.getMonthValue());
            case QUARTER -> String.format("%04d-Q%d", month.getYear(), (month.getMonthValue() - 1) / 3 + 1);
            case YEAR -> String.format("%04d", month.getYear());
        };
    }
}
