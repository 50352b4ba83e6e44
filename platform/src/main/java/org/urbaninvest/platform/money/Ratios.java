package org.urbaninvest.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Ratios as reports give them: 4 places, HALF_EVEN, {@code null} when the denominator is zero. */
public final class Ratios {

    public static final int SCALE = 4;

    private Ratios() {
    }

    public static BigDecimal of(BigDecimal numerator, BigDecimal denominator) {
        if (denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, SCALE, RoundingMode.HALF_EVEN);
    }

    public static BigDecimal of(long numerator, long denominator) {
        return of(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }
}
