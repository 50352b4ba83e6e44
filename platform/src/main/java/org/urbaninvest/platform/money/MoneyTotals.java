package org.urbaninvest.platform.money;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Totals kept per currency, never converted: {@code {"CNY": "96520000000.00", "USD": "120000000.00"}}.
 * Currencies are listed in alphabetical order so that equal totals print identically.
 */
public final class MoneyTotals {

    private final TreeMap<String, BigDecimal> byCurrency = new TreeMap<>();

    public static MoneyTotals empty() {
        return new MoneyTotals();
    }

    public MoneyTotals add(String currency, BigDecimal amount) {
        byCurrency.merge(currency, amount.setScale(Money.SCALE), BigDecimal::add);
        return this;
    }

    public MoneyTotals add(Money money) {
        return add(money.currency(), money.amount());
    }

    public MoneyTotals addAll(MoneyTotals other) {
        other.byCurrency.forEach(this::add);
        return this;
    }

    public BigDecimal get(String currency) {
        return byCurrency.getOrDefault(currency, BigDecimal.ZERO.setScale(Money.SCALE));
    }

    public Map<String, BigDecimal> asMap() {
        return java.util.Collections.unmodifiableMap(byCurrency);
    }

    public boolean isEmpty() {
        return byCurrency.isEmpty();
    }

    @JsonValue
    public Map<String, String> toJson() {
        Map<String, String> json = new TreeMap<>();
        byCurrency.forEach((currency, amount) -> json.put(currency, MoneyAmountSerializer.format(amount)));
        return json;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MoneyTotals other && toJson().equals(other.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
