package org.urbaninvest.investment.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

final class Timestamps {

    private Timestamps() {
    }

    /** Now, at the precision PostgreSQL keeps, so a representation built before and after storing is the same. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
