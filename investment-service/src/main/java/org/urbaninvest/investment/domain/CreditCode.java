package org.urbaninvest.investment.domain;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Unified Social Credit Code (GB 32100-2015): 18 characters over a 31-character alphabet whose last one
 * is a check character. Null is valid (the code is optional).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CreditCode.Validator.class)
public @interface CreditCode {

    String message() default "must be an 18-character Unified Social Credit Code with a valid check character";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CreditCode, String> {

        /** The standard's alphabet: digits and capitals without I, O, S, V and Z. A character's value is its index. */
        public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

        /** The weights of the first 17 characters: 3^i mod 31. */
        private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isValidCode(value);
        }

        public static boolean isValidCode(String code) {
            if (code.length() != 18) {
                return false;
            }
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                int value = ALPHABET.indexOf(code.charAt(i));
                if (value < 0) {
                    return false;
                }
                sum += WEIGHTS[i] * value;
            }
            return code.charAt(17) == ALPHABET.charAt((31 - sum % 31) % 31);
        }
    }
}
