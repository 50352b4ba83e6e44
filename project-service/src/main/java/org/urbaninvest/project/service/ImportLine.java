package org.urbaninvest.project.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.urbaninvest.project.domain.ProjectStatus;
import org.urbaninvest.project.domain.ProjectType;

/**
 * One valid line of a CSV import. {@code typeGiven} tells whether the file has a {@code type} column; without
 * it an update keeps the project's type.
 */
public record ImportLine(long line, String code, String name, String zoneCode, String programmeCode,
        String categoryCode, ProjectStatus status, String sector, BigDecimal amount, String currency,
        LocalDate plannedStart, LocalDate plannedCompletion, boolean typeGiven, ProjectType type) {
}
