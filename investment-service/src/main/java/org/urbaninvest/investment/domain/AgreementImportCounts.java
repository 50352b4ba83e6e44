package org.urbaninvest.investment.domain;

/**
 * What an agreement import did, or would do on a dry run, counted in lines: agreements created, agreements moved
 * forward, agreements whose amounts were amended (a line may move and amend), disbursements recorded, and lines
 * that matched what is stored and changed nothing.
 */
public record AgreementImportCounts(int created, int moved, int amended, int disbursed, int unchanged) {
}
