package org.urbaninvest.investment.service;

public enum InvestorKind {
    PRIVATE, STATE_OWNED, FOREIGN, MIXED, OTHER
}
