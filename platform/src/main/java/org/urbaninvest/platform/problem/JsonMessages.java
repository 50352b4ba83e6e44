package org.urbaninvest.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.urbaninvest.platform.json.WireEnum;

/**
 * Jackson's reading failures in a client's words: which field, and what was wrong with it, without the Java class
 * names Jackson's own messages carry.
 */
final class JsonMessages {

    private JsonMessages() {
    }

    /** The one field error a body Jackson could not read gets; {@code body} when no field is to blame. */
    static Problem.FieldError error(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? fieldOf(mapping) : null;
        String message;
        if (e instanceof JsonParseException || e.getCause() instanceof JsonParseException) {
            field = null; // a syntax error belongs to the document, not to the field being read
            message = "is not well-formed JSON: " + e.getOriginalMessage();
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            field = fieldOf(unknown);
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException format) {
            message = "has an invalid value" + hint(format);
        } else if (e instanceof MismatchedInputException mismatch
                && (field != null && !field.isEmpty() || !atEndOfInput(mismatch))) {
            // also when the whole body has the wrong shape (an array for an object): Jackson's own message names
            // the Java class, which is internal
            message = "has the wrong type" + (mismatch.getTargetType() != null
                    ? ", expected " + describe(mismatch.getTargetType()) : "");
        } else {
            message = "is not well-formed JSON: " + e.getOriginalMessage();
        }
        return new Problem.FieldError(field == null || field.isEmpty() ? "body" : field, message);
    }

    static String fieldOf(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String hint(InvalidFormatException e) {
        String message = e.getOriginalMessage();
        int because = message == null ? -1 : message.indexOf("not one of the values accepted");
        if (e.getTargetType() != null && e.getTargetType().isEnum()) {
            return ", expected one of " + WireEnum.accepted(e.getTargetType());
        }
        return because >= 0 ? ": " + message.substring(because) : ", expected " + describe(e.getTargetType());
    }

    /** Whether Jackson found no value at all (an empty body) rather than a value of the wrong type. */
    private static boolean atEndOfInput(MismatchedInputException e) {
        String message = e.getOriginalMessage();
        return message != null && message.startsWith("No content to map");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == java.time.LocalDate.class) {
            return "a date YYYY-MM-DD";
        }
        if (type.isEnum()) {
            return "one of " + WireEnum.accepted(type);
        }
        return "an object";
    }
}
