package org.urbaninvest.platform.money;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads an amount from a JSON number or a decimal string, exactly (no binary floating point on the way).
 * Scientific notation and anything that is not a plain decimal is refused.
 */
public class MoneyAmountDeserializer extends StdScalarDeserializer<BigDecimal> {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,40}(\\.\\d{1,40})?");

    public MoneyAmountDeserializer() {
        super(BigDecimal.class);
    }

    @Override
    public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        String text;
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            text = p.getText();
        } else if (token == JsonToken.VALUE_STRING) {
            text = p.getText().trim();
        } else {
            return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
        }
        if (!DECIMAL.matcher(text).matches()) {
            return (BigDecimal) ctxt.handleWeirdStringValue(BigDecimal.class, text,
                    "must be a decimal number such as \"1250000.00\"");
        }
        return new BigDecimal(text);
    }
}
