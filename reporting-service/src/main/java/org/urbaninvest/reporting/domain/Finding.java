package org.urbaninvest.reporting.domain;

import java.time.LocalDate;

/**
 * A record that needs attention: which rule found it, how serious it is, what it is about ({@code subject}: an
 * agreement by id, a project or a programme by code), the zone it belongs to, the day the rule started to apply, why,
 * and its {@code key}: the same finding has the same key on every day it applies, whatever its detail says (which
 * counts days and figures), so that a finding raised and later cleared on {@code zone-findings.v1} can be matched.
 */
public record Finding(String rule, String severity, Subject subject, String zoneCode, LocalDate since,
        String detail, String key) {

    /** {@code type} {@code agreement} with its {@code id}, or {@code project} or {@code programme} with its {@code code}. */
    public record Subject(String type, String id, String code) {

        public static Subject agreement(String id) {
            return new Subject("agreement", id, null);
        }

        public static Subject project(String code) {
            return new Subject("project", null, code);
        }

        public static Subject programme(String code) {
            return new Subject("programme", null, code);
        }
    }
}
