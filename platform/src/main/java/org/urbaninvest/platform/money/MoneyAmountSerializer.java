package org.urbaninvest.platform.money;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Writes an amount as a plain decimal string with two decimals: {@code "96520000000.00"}. */
public class MoneyAmountSerializer extends StdSerializer<BigDecimal> {

    public MoneyAmountSerializer() {
        super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(format(value));
    }

    public static String format(BigDecimal value) {
        return value.setScale(Money.SCALE, RoundingMode.UNNECESSARY).toPlainString();
    }
}
