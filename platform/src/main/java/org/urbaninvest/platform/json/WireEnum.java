package org.urbaninvest.platform.json;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import org.urbaninvest.platform.problem.ProblemException;

/**
 * An enum whose wire value is its constant's name in lower camel case, as OC4IDS codelists spell them
 * ({@code NOT_MET} ⇄ {@code "notMet"}). Jackson writes and reads {@link #value()}; the enum itself stays free
 * of Jackson. Enums that do not implement it travel under their constant names.
 */
public interface WireEnum {

    String name();

    @JsonValue
    default String value() {
        return lowerCamel(name());
    }

    /** The constant whose wire value is {@code value}, or null when there is none (case matters). */
    static <E extends Enum<E> & WireEnum> E fromValue(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.value().equals(value)) {
                return constant;
            }
        }
        return null;
    }

    /** What a client may send for an enum type, for error messages: wire values, or constant names. */
    static List<String> accepted(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants())
                .map(c -> c instanceof WireEnum wire ? wire.value() : ((Enum<?>) c).name())
                .toList();
    }

    /** The message for a value outside the enum: {@code must be one of a, b, c}. */
    static String mustBeOneOf(Class<?> enumType) {
        return "must be one of " + String.join(", ", accepted(enumType));
    }

    /**
     * An enum request parameter (query or path): null when absent or blank, else the constant whose wire value (for a
     * plain enum, whose name) it is, surrounding blanks ignored; anything else is refused with a 400 naming the
     * parameter and the values it takes.
     */
    static <E extends Enum<E>> E parameter(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String wanted = value.strip();
        for (E constant : type.getEnumConstants()) {
            if ((constant instanceof WireEnum wire ? wire.value() : constant.name()).equals(wanted)) {
                return constant;
            }
        }
        throw ProblemException.badRequest(name, mustBeOneOf(type));
    }

    /** The wire value of a constant name: {@code NOT_MET} → {@code notMet}. */
    static String lowerCamel(String constant) {
        StringBuilder out = new StringBuilder(constant.length());
        boolean upper = false;
        for (char c : constant.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? c : Character.toLowerCase(c));
                upper = false;
            }
        }
        return out.toString();
    }
}
