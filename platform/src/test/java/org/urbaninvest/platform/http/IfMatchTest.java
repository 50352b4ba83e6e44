package org.urbaninvest.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.urbaninvest.platform.problem.ProblemException;

class IfMatchTest {

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "W/\"3\"", "3", " \"3\" ", "\"2\", \"3\""})
    void theCurrentVersionInAnyOfItsSpellingsPasses(String header) {
        assertThatCode(() -> IfMatch.require(header, 3, "zone")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2\"", "W/\"4\"", "\"3x\"", "\"\""})
    void anotherVersionIs412NamingTheCurrentOne(String header) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> IfMatch.require(header, 3, "zone"));
        assertThat(refused.status()).isEqualTo(412);
        assertThat(refused.getMessage()).contains("version 3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "*", "\"2\", *"})
    void noVersionOrAnyVersionIs428(String header) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> IfMatch.require(header, 3, "zone"));
        assertThat(refused.status()).isEqualTo(428);
        assertThat(refused.getMessage()).contains("If-Match: \"3\"");
    }

    @Test
    void noHeaderIs428() {
        assertThat(catchThrowableOfType(ProblemException.class, () -> IfMatch.require(null, 1, "investor")).status())
                .isEqualTo(428);
    }
}
