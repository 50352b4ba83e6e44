package org.urbaninvest.investment.domain;

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

    /** Whether funds can be received in this stage: the agreement is signed and not withdrawn. */
    public boolean receivesFunds() {
        return this == SIGNED || this == STARTED || this == OPERATIONAL;
    }
}
