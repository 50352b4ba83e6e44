package org.urbaninvest.project.domain;

/** Plan figures: exact decimals written as strings, kept as the client wrote them. */
public final class Decimals {

    public static final String PATTERN = "^-?\\d{1,24}(\\.\\d{1,8})?$";
    public static final String MESSAGE = "must be a decimal string such as \"1350000000000\" or \"12.5\""
            + " (at most 24 integer digits and 8 decimals; no exponent)";

    private Decimals() {
    }
}
