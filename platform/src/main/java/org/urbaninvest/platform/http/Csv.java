package org.urbaninvest.platform.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.apache.commons.csv.CSVFormat;

/**
 * CSV in and out of the suite's APIs: one media type, one content negotiation, one dialect (RFC 4180 with a
 * header line, read and written with Apache Commons CSV).
 */
public final class Csv {

    /** For {@code @Produces}/{@code @Consumes}. */
    public static final String MEDIA_TYPE = "text/csv";

    /** What a CSV answer is labelled with. */
    public static final String CONTENT_TYPE = MEDIA_TYPE + "; charset=UTF-8";

    private static final MediaType CSV_TYPE = MediaType.valueOf(MEDIA_TYPE);

    /** How the suite writes CSV: RFC 4180, CRLF line ends, fields quoted only when they must be. */
    public static final CSVFormat WRITE = CSVFormat.RFC4180;

    private Csv() {
    }

    /**
     * Whether the client prefers CSV to JSON: the first of its {@code Accept} types (in order of preference) that is
     * CSV or JSON decides; a wildcard or no {@code Accept} means JSON.
     */
    public static boolean preferred(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
                return false;
            }
            if (CSV_TYPE.isCompatible(type)) {
                return true;
            }
        }
        return false;
    }
}
