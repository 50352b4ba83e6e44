package org.urbaninvest.investment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.urbaninvest.investment.domain.CreditCode;

class CreditCodeTest {

    @Test
    void acceptsPublishedCodes() {
        assertThat(CreditCode.Validator.isValidCode("91350100M000100Y43")).isTrue();
        assertThat(CreditCode.Validator.isValidCode("91110000600037341L")).isTrue();
        assertThat(CreditCode.Validator.isValidCode("91440300708461136T")).isTrue();
    }

    @Test
    void refusesAWrongCheckCharacter() {
        assertThat(CreditCode.Validator.isValidCode("91350100M000100Y44")).isFalse();
        assertThat(CreditCode.Validator.isValidCode("91110000600037341K")).isFalse();
    }

    @Test
    void refusesWrongLengthAndCharactersOutsideTheAlphabet() {
        assertThat(CreditCode.Validator.isValidCode("91350100M000100Y4")).isFalse();
        assertThat(CreditCode.Validator.isValidCode("91350100M000100Y433")).isFalse();
        // I, O, S, V and Z are not in the alphabet, nor are lower-case letters
        assertThat(CreditCode.Validator.isValidCode("91350100I000100Y43")).isFalse();
        assertThat(CreditCode.Validator.isValidCode("91350100m000100Y43")).isFalse();
    }

    @Test
    void checkCharacterZeroIsComputedModulo31() {
        // a code whose weighted sum is a multiple of 31 has check character '0', not the 32nd character
        String body = "00000000000000000";
        assertThat(CreditCode.Validator.isValidCode(body + "0")).isTrue();
    }
}
