package org.urbaninvest.systemtests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount in yuan (or another currency) with two decimals, as the tests send it and expect it back. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money cny(String amount) {
        return of(amount, "CNY");
    }

    public static Money usd(String amount) {
        return of(amount, "USD");
    }

    public static Money from(JsonNode node) {
        return new Money(new BigDecimal(node.get("amount").asText()), node.get("currency").asText());
    }

    public ObjectNode json() {
        ObjectNode node = Api.object();
        node.put("amount", amount.toPlainString());
        node.put("currency", currency);
        return node;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
