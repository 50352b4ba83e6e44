package org.urbaninvest.project.rest;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * OC4IDS projectStatus, in the order a project moves through it. A project only moves forward, or to
 * {@code cancelled} from any state; {@code cancelled} is final.
 */
public enum ProjectStatus {
    IDENTIFICATION("identification"),
    PREPARATION("preparation"),
    IMPLEMENTATION("implementation"),
    COMPLETION("completion"),
    MAINTENANCE("maintenance"),
    DECOMMISSIONING("decommissioning"),
    DECOMMISSIONED("decommissioned"),
    CANCELLED("cancelled");

    private final String value;

    ProjectStatus(String value) {
        this.value = value;
    }

    /** Whether a project in this status may move to {@code next}; staying where it is is not a move. */
    public boolean canMoveTo(ProjectStatus next) {
        if (this == CANCELLED) {
            return false;
        }
        return next == CANCELLED || next.ordinal() > ordinal();
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** The wire value, so that error messages list what a client may send. */
    @Override
    public String toString() {
        return value;
    }

    public static ProjectStatus fromValue(String value) {
        for (ProjectStatus status : values()) {
            if (status.value.equals(value)) {
                return status;
            }
        }
        return null;
    }
}
