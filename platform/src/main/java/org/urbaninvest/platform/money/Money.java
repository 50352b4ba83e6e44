package org.urbaninvest.platform.money;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of money in one ISO-4217 currency. Amounts are yuan (or the currency's major unit), never
 * negative, at most 18 integer digits and 2 decimals, and travel as decimal strings in JSON.
 *
 * <p>The record holds what the client sent; Bean Validation rejects what breaks the rules, so every bad
 * field is reported at once instead of the first one stopping deserialization.
 */
public record Money(
        @NotNull @DecimalMin(value = "0", message = "must not be negative")
        @Digits(integer = 18, fraction = 2, message = "must have at most 18 integer digits and 2 decimals")
        @JsonDeserialize(using = MoneyAmountDeserializer.class)
        @JsonSerialize(using = MoneyAmountSerializer.class)
        @Schema(type = SchemaType.STRING, pattern = "^\\d{1,18}(\\.\\d{1,2})?$", example = "1250000.50",
                description = "a decimal string, as written in answers; a JSON number is accepted too")
        BigDecimal amount,
        @NotNull @CurrencyCode @Schema(description = "an ISO 4217 currency code", example = "CNY") String currency) {

    public static final int SCALE = 2;

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO.setScale(SCALE), currency);
    }

    /** The amount at the stored scale; only call on validated money (scale ≤ 2). */
    public BigDecimal scaled() {
        return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(scaled().add(other.scaled()), currency);
    }

    public boolean sameCurrency(Money other) {
        return other != null && currency.equals(other.currency);
    }

    private void requireSameCurrency(Money other) {
        if (!sameCurrency(other)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return (amount == null ? "?" : amount.toPlainString()) + " " + currency;
    }
}
