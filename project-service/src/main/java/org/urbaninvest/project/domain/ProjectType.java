package org.urbaninvest.project.domain;

import org.urbaninvest.platform.json.WireEnum;

/** OC4IDS projectType. */
public enum ProjectType implements WireEnum {
    CONSTRUCTION,
    REHABILITATION,
    REPLACEMENT,
    EXPANSION,
    DECOMMISSIONING;

    /** The wire value, so that messages show what a client may send. */
    @Override
    public String toString() {
        return value();
    }

    public static ProjectType fromValue(String value) {
        return WireEnum.fromValue(ProjectType.class, value);
    }
}
