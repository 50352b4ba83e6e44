package org.urbaninvest.project.domain;

import org.urbaninvest.platform.json.WireEnum;

/** OC4IDS milestone codes used for projects. */
public enum MilestoneCode implements WireEnum {
    PROJECT_APPROVAL,
    FINANCIAL_CLOSE,
    COMMENCEMENT,
    COMPLETION,
    COMMISSIONING,
    OPENING,
    OTHER;

    /** The wire value, so that messages show what a client may send. */
    @Override
    public String toString() {
        return value();
    }
}
