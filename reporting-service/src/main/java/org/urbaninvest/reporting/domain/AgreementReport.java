package org.urbaninvest.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An agreement as the reports hold it (what its events told them) and the findings on it today ({@code asOfDate},
 * by the service's clock); {@code asOf} is the time of the newest event applied. The agreement itself is
 * investment-service's ({@code GET /api/v1/agreements/{id}}): this is the reports' side of it, for a finding's link.
 */
public record AgreementReport(Instant asOf, LocalDate asOfDate, AgreementState agreement, List<Finding> findings) {
}
