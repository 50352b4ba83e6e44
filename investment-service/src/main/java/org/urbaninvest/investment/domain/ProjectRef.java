package org.urbaninvest.investment.domain;

/** What this service needs of a project: where it is and whether it is still alive. */
public record ProjectRef(String code, String zoneCode, String status, long version) {

    public static final String CANCELLED = "cancelled";

    public boolean cancelled() {
        return CANCELLED.equals(status);
    }
}
