package org.urbaninvest.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A page of a zone's findings on a day ({@code asOfDate}, today by the service's clock), with the number of
 * findings per rule over all of them (whatever the {@code rule} filter); {@code asOf} is the time of the newest
 * event applied.
 */
public record Findings(String zone, Instant asOf, LocalDate asOfDate, Map<String, Long> counts, List<Finding> items,
        int page, int size, long total) {
}
