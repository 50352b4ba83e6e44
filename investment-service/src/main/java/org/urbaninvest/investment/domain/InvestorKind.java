package org.urbaninvest.investment.domain;

public enum InvestorKind {
    PRIVATE, STATE_OWNED, FOREIGN, MIXED, OTHER
}
