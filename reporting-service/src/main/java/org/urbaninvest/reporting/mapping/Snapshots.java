package org.urbaninvest.reporting.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.urbaninvest.platform.events.PoisonEventException;
import org.urbaninvest.platform.money.Money;

/** Reads the fields of event snapshots; a snapshot that lacks what the projections need is poison. */
public final class Snapshots {

    private Snapshots() {
    }

    public static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new PoisonEventException("snapshot has no text field '" + field + "'");
        }
        return node.asText();
    }

    public static String optionalText(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    public static long number(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.canConvertToLong()) {
            throw new PoisonEventException("snapshot has no whole number '" + field + "'");
        }
        return node.asLong();
    }

    public static LocalDate optionalDate(JsonNode data, String field) {
        String text = optionalText(data, field);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("'" + field + "' is not a date: " + text);
        }
    }

    public static Money money(JsonNode data, String field) {
        Money money = optionalMoney(data, field);
        if (money == null) {
            throw new PoisonEventException("snapshot has no money field '" + field + "'");
        }
        return money;
    }

    /** Money as events carry it: {@code {"amount": "12.50", "currency": "CNY"}}, the amount a string or number. */
    public static Money optionalMoney(JsonNode data, String field) {
        JsonNode node = data == null ? null : data.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        JsonNode amount = node.get("amount");
        JsonNode currency = node.get("currency");
        if (amount == null || !(amount.isTextual() || amount.isNumber()) || currency == null || !currency.isTextual()
                || !currency.asText().matches("[A-Z]{3}")) {
            throw new PoisonEventException("'" + field + "' is not money");
        }
        try {
            BigDecimal value = new BigDecimal(amount.asText()).setScale(Money.SCALE, RoundingMode.UNNECESSARY);
            return new Money(value, currency.asText());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new PoisonEventException("'" + field + "' has an invalid amount: " + amount.asText());
        }
    }
}
