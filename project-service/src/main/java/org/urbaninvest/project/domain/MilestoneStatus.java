package org.urbaninvest.project.domain;

import org.urbaninvest.platform.json.WireEnum;

/** OC4IDS milestoneStatus. */
public enum MilestoneStatus implements WireEnum {
    SCHEDULED,
    MET,
    NOT_MET,
    PARTIALLY_MET;

    /** The wire value, so that messages show what a client may send. */
    @Override
    public String toString() {
        return value();
    }
}
