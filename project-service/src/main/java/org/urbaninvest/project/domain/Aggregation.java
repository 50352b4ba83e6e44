package org.urbaninvest.project.domain;

/** How a plan indicator rolls up to the plans of parent zones: {@code SUM} adds up, {@code NONE} never rolls up. */
public enum Aggregation {
    SUM, NONE
}
