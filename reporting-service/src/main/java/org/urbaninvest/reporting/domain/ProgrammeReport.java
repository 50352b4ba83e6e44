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

    /**
     * Registered figures match the declared ones when the counts are equal and the amount in the declared
     * currency equals the declared amount, with nothing registered in another currency.
     */
    public static boolean matches(Declared declared, Registered registered) {
        Money investment = declared.investment();
        return declared.projectCount() == registered.projectCount()
                && registered.investment().get(investment.currency()).compareTo(investment.amount()) == 0
                && registered.investment().asMap().keySet().stream().allMatch(investment.currency()::equals);
    }
}
