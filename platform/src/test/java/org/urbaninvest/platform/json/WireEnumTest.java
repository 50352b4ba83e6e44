package org.urbaninvest.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

class WireEnumTest {

    enum Outcome implements WireEnum { MET, NOT_MET, PARTIALLY_MET }

    enum Plain { FIRST_ONE }

    record Holder(Outcome outcome) {
    }

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void wireValuesAreLowerCamelCaseOfTheConstants() {
        assertThat(Outcome.NOT_MET.value()).isEqualTo("notMet");
        assertThat(Outcome.MET.value()).isEqualTo("met");
        assertThat(WireEnum.fromValue(Outcome.class, "partiallyMet")).isEqualTo(Outcome.PARTIALLY_MET);
        assertThat(WireEnum.fromValue(Outcome.class, "PARTIALLY_MET")).isNull();
        assertThat(WireEnum.accepted(Outcome.class)).containsExactly("met", "notMet", "partiallyMet");
        assertThat(WireEnum.accepted(Plain.class)).containsExactly("FIRST_ONE");
    }

    @Test
    void jacksonWritesAndReadsTheWireValue() throws Exception {
        assertThat(json.writeValueAsString(new Holder(Outcome.NOT_MET))).isEqualTo("{\"outcome\":\"notMet\"}");
        assertThat(json.readValue("{\"outcome\":\"partiallyMet\"}", Holder.class).outcome())
                .isEqualTo(Outcome.PARTIALLY_MET);
        assertThatThrownBy(() -> json.readValue("{\"outcome\":\"NOT_MET\"}", Holder.class))
                .isInstanceOf(InvalidFormatException.class);
    }
}
