package org.urbaninvest.project.domain;

import java.util.List;
import org.urbaninvest.platform.money.CurrencyCodeValidator;

/** The units a plan indicator may be counted in: an ISO 4217 currency code, or one of {@link #OTHERS}. */
public final class IndicatorUnits {

    public static final List<String> OTHERS = List.of("persons", "km2", "percent", "count", "hectares", "jobs");

    private IndicatorUnits() {
    }

    public static boolean isCurrency(String unit) {
        return CurrencyCodeValidator.isValid(unit);
    }

    public static boolean isKnown(String unit) {
        return isCurrency(unit) || OTHERS.contains(unit);
    }
}
