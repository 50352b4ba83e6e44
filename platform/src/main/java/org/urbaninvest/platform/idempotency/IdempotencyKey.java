package org.urbaninvest.platform.idempotency;

import java.nio.charset.StandardCharsets;
import org.urbaninvest.platform.problem.ProblemException;

/**
 * An {@code Idempotency-Key} as its client sent it, scoped to that client (the token's subject): two clients
 * choosing the same key never see each other's answers.
 */
public record IdempotencyKey(String principal, String value) {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    /**
     * Reads the header: a structured-field string ({@code "8e03978e-…"}, as the draft writes it) or the same text
     * unquoted. 1–255 printable ASCII characters; anything else is refused with 400.
     */
    public static IdempotencyKey parse(String principal, String header) {
        String value = header.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = unquote(value.substring(1, value.length() - 1));
        }
        if (value.isEmpty() || value.length() > MAX_LENGTH || !printable(value)) {
            throw ProblemException.badRequest(HEADER, "must be 1 to " + MAX_LENGTH + " printable ASCII characters,"
                    + " e.g. a UUID");
        }
        return new IdempotencyKey(principal, value);
    }

    /**
     * The second half of the transaction-level advisory lock that marks this key in flight (the first half names
     * the idempotency keys, so the lock never meets another use of advisory locks). A collision between two keys
     * only makes one of them wait for a retry.
     */
    int lockId() {
        byte[] hash = RequestFingerprint.sha256().digest((principal + '\n' + value).getBytes(StandardCharsets.UTF_8));
        return (hash[0] & 0xFF) << 24 | (hash[1] & 0xFF) << 16 | (hash[2] & 0xFF) << 8 | hash[3] & 0xFF;
    }

    private static String unquote(String quoted) {
        StringBuilder value = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length()) {
                c = quoted.charAt(++i);
            }
            value.append(c);
        }
        return value.toString();
    }

    private static boolean printable(String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
    }
}
