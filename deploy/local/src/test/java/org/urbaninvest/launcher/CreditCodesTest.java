package org.urbaninvest.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodesTest {

    @Test
    void publishedCodesAreValid() {
        // codes of well-known companies, as printed on their business licences
        assertThat(CreditCodes.isValid("9144030071526726XG")).isTrue();
        assertThat(CreditCodes.isValid("91110108551385082Q")).isTrue();
        assertThat(CreditCodes.isValid("91330100799655058B")).isTrue();
    }

    @Test
    void aWrongCheckCharacterOrAForeignCharacterIsInvalid() {
        assertThat(CreditCodes.isValid("9144030071526726XH")).isFalse();
        assertThat(CreditCodes.isValid("9144030071526726IG")).as("I is not in the alphabet").isFalse();
        assertThat(CreditCodes.isValid("9144030071526726X")).as("17 characters").isFalse();
        assertThat(CreditCodes.isValid(null)).isFalse();
    }

    @Test
    void theCheckCharacterCompletesACode() {
        assertThat(CreditCodes.checkCharacter("91110108551385082")).isEqualTo('Q');
    }
}
