package org.urbaninvest.reporting.domain;

import java.time.Instant;
import java.util.List;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.platform.money.MoneyTotals;

/** A programme's declared figures against its registered (non-cancelled) projects, overall and per category. */
public record ProgrammeReport(String programme, Instant asOf, Declared declared, Registered registered,
        boolean matches, List<Category> categories) {

    public record Declared(long projectCount, Money investment) {
    }

    public record Registered(long projectCount, MoneyTotals investment) {
    }

    public record Category(String code, String name, Declared declared, Registered registered, boolean matches) {
    }
}
