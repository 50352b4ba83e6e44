package org.urbaninvest.project.domain;

import org.urbaninvest.platform.json.WireEnum;

/**
 * OC4IDS projectStatus, in the order a project moves through it. A project only moves forward, or to
 * {@code cancelled} from any state; {@code cancelled} is final.
 */
public enum ProjectStatus implements WireEnum {
    IDENTIFICATION,
    PREPARATION,
    IMPLEMENTATION,
    COMPLETION,
    MAINTENANCE,
    DECOMMISSIONING,
    DECOMMISSIONED,
    CANCELLED;

    /** Whether a project in this status may move to {@code next}; staying where it is is not a move. */
    public boolean canMoveTo(ProjectStatus next) {
        if (this == CANCELLED) {
            return false;
        }
        return next == CANCELLED || next.ordinal() > ordinal();
    }

    /** The wire value, so that messages show what a client may send. */
    @Override
    public String toString() {
        return value();
    }

    public static ProjectStatus fromValue(String value) {
        return WireEnum.fromValue(ProjectStatus.class, value);
    }
}
