package org.urbaninvest.project.rest;

import com.fasterxml.jackson.annotation.JsonValue;

/** OC4IDS milestoneStatus. */
public enum MilestoneStatus {
    SCHEDULED("scheduled"),
    MET("met"),
    NOT_MET("notMet"),
    PARTIALLY_MET("partiallyMet");

    private final String value;

    MilestoneStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
