package org.urbaninvest.project.rest;

import com.fasterxml.jackson.annotation.JsonValue;

/** OC4IDS milestone codes used for projects. */
public enum MilestoneCode {
    PROJECT_APPROVAL("projectApproval"),
    FINANCIAL_CLOSE("financialClose"),
    COMMENCEMENT("commencement"),
    COMPLETION("completion"),
    COMMISSIONING("commissioning"),
    OPENING("opening"),
    OTHER("other");

    private final String value;

    MilestoneCode(String value) {
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
