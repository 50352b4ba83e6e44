package org.urbaninvest.reporting.domain;

/** The kinds of investor (SYSTEM.md §5), as {@code investors.v1} names them: the funnel's {@code investorKind}. */
public enum InvestorKind {
    PRIVATE, STATE_OWNED, FOREIGN, MIXED, OTHER
}
