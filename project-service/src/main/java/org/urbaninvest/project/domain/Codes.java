package org.urbaninvest.project.domain;

/** The identifier rules of SYSTEM.md §3, shared by requests and the CSV import. */
public final class Codes {

    /** Zone, programme, category and project codes. */
    public static final String PATTERN = "^[a-z0-9][a-z0-9-]{1,63}$";
    public static final String MESSAGE = "must match ^[a-z0-9][a-z0-9-]{1,63}$ (lower-case letters, digits, hyphens; 2 to 64 characters)";
    public static final int NAME_MAX = 500;
    /** OC4IDS sector codes are an open list of dotted camel-case words, e.g. {@code transport.road}. */
    public static final String SECTOR_PATTERN = "^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*$";
    public static final String SECTOR_MESSAGE = "must be an OC4IDS sector code such as transport.road";

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile(PATTERN);
    private static final java.util.regex.Pattern SECTOR = java.util.regex.Pattern.compile(SECTOR_PATTERN);

    private Codes() {
    }

    public static boolean isCode(String value) {
        return value != null && CODE.matcher(value).matches();
    }

    public static boolean isSector(String value) {
        return value != null && value.length() <= 100 && SECTOR.matcher(value).matches();
    }
}
