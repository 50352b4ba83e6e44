package org.urbaninvest.investment.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The stages of an investment agreement: {@code INTENDED → SIGNED → STARTED → OPERATIONAL}, and
 * {@code WITHDRAWN} from any of the first three. {@code OPERATIONAL} and {@code WITHDRAWN} are final.
 */
public enum Stage {
    INTENDED, SIGNED, STARTED, OPERATIONAL, WITHDRAWN;

    public boolean canMoveTo(Stage next) {
        return switch (this) {
            case INTENDED -> next == SIGNED || next == WITHDRAWN;
            case SIGNED -> next == STARTED || next == WITHDRAWN;
            case STARTED -> next == OPERATIONAL || next == WITHDRAWN;
            case OPERATIONAL, WITHDRAWN -> false;
        };
    }

    /**
     * The stages an agreement has gone through, in order, given which of its moves have a date: every agreement was
     * intended first.
     */
    public static List<Stage> path(boolean signed, boolean started, boolean operational, boolean withdrawn) {
        List<Stage> stages = new ArrayList<>(4);
        stages.add(INTENDED);
        if (signed) {
            stages.add(SIGNED);
        }
        if (started) {
            stages.add(STARTED);
        }
        if (operational) {
            stages.add(OPERATIONAL);
        }
        if (withdrawn) {
            stages.add(WITHDRAWN);
        }
        return stages;
    }

    /** Whether funds can be received in this stage: the agreement is signed and not withdrawn. */
    public boolean receivesFunds() {
        return this == SIGNED || this == STARTED || this == OPERATIONAL;
    }
}
