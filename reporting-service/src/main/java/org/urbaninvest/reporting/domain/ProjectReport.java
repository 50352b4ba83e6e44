package org.urbaninvest.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A project as the reports hold it (what its events told them) and the findings on it today ({@code asOfDate}, by
 * the service's clock); {@code asOf} is the time of the newest event applied. The project itself is
 * project-service's ({@code GET /api/v1/projects/{code}}): this is the reports' side of it, for a finding's link.
 */
public record ProjectReport(Instant asOf, LocalDate asOfDate, ProjectState project, List<Finding> findings) {
}
