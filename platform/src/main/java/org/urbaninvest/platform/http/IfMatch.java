package org.urbaninvest.platform.http;

import org.urbaninvest.platform.problem.ProblemException;

/**
 * The {@code If-Match} rule of every {@code PUT} in the suite: the client names the version it read (the
 * {@code ETag} it got), or nothing is changed. No header, or {@code *} (which would replace whatever version is
 * there; the contract allows it nowhere): 428. A version other than the current one: 412.
 */
public final class IfMatch {

    private IfMatch() {
    }

    /**
     * @param ifMatch the header as sent: {@code "3"}, {@code W/"3"}, {@code 3}, or a list of those
     * @param current the version the resource is at now
     * @param what what the resource is called in the error, e.g. {@code "investor"}
     */
    public static void require(String ifMatch, long current, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired(
                    "send If-Match with the ETag of the " + what + " you read, e.g. If-Match: \"" + current + "\"");
        }
        for (String tag : ifMatch.split(",")) {
            String value = tag.trim();
            if (value.equals("*")) {
                throw ProblemException.preconditionRequired("If-Match: * would replace the " + what
                        + " whatever its version; send the ETag of the " + what + " you read, e.g. If-Match: \""
                        + current + "\"");
            }
            value = value.startsWith("W/") ? value.substring(2) : value;
            value = value.replace("\"", "");
            if (value.equals(Long.toString(current))) {
                return;
            }
        }
        throw ProblemException.preconditionFailed("the " + what + " is at version " + current + ", not " + ifMatch
                + "; read it again and retry");
    }
}
