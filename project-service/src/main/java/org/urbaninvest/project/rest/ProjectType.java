package org.urbaninvest.project.rest;

import com.fasterxml.jackson.annotation.JsonValue;

/** OC4IDS projectType. */
public enum ProjectType {
    CONSTRUCTION("construction"),
    REHABILITATION("rehabilitation"),
    REPLACEMENT("replacement"),
    EXPANSION("expansion"),
    DECOMMISSIONING("decommissioning");

    private final String value;

    ProjectType(String value) {
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

    public static ProjectType fromValue(String value) {
        for (ProjectType type : values()) {
            if (type.value.equals(value)) {
                return type;
            }
        }
        return null;
    }
}
