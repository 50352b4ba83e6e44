package org.urbaninvest.project.service;

import org.urbaninvest.platform.problem.ProblemException;

/** The {@code If-Match} rule of every PUT: the client names the version it read, or nothing is changed. */
public final class Versions {

    private Versions() {
    }

    /**
     * @param ifMatch the header as sent: {@code "3"}, {@code W/"3"}, {@code 3} or {@code *}
     */
    public static void requireMatch(String ifMatch, long current, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired(
                    "send If-Match with the ETag of the " + what + " you read, e.g. If-Match: \"" + current + "\"");
        }
        for (String tag : ifMatch.split(",")) {
            String value = tag.trim();
            if (value.equals("*")) {
                return;
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
