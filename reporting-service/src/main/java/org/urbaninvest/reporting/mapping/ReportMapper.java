package org.urbaninvest.reporting.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.urbaninvest.platform.money.MoneyTotals;
import org.urbaninvest.platform.money.Ratios;
import org.urbaninvest.reporting.domain.AgreementState;
import org.urbaninvest.reporting.domain.ProgrammeReport;
import org.urbaninvest.reporting.domain.ProjectState;
import org.urbaninvest.reporting.domain.ZoneReport;
import org.urbaninvest.reporting.repository.ReportReads.TotalRow;
import org.urbaninvest.reporting.repository.ReportReads.ZoneTotals;

/** Turns totals rows into the reports of SYSTEM.md §6. */
public final class ReportMapper {

    private ReportMapper() {
    }

    public static ZoneReport zoneReport(String zone, Instant asOf, ZoneTotals totals) {
        return zoneReport(zone, asOf, null, totals);
    }

    /** The report with the agreements as of the end of {@code day} ({@code null}: as they stand now). */
    public static ZoneReport zoneReport(String zone, Instant asOf, LocalDate day, ZoneTotals totals) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        ProjectState.STATUSES.forEach(status -> byStatus.put(status, 0L));
        long projectCount = 0;
        MoneyTotals estimated = MoneyTotals.empty();
        for (TotalRow row : totals.projects()) {
            byStatus.merge(row.key(), row.count(), Long::sum);
            if (!ProjectState.CANCELLED.equals(row.key())) {
                projectCount += row.count();
                estimated.add(row.currency(), row.amount());
            }
        }
        Map<String, ZoneReport.Measure> measures = new TreeMap<>();
        for (TotalRow row : totals.agreements()) {
            ZoneReport.Measure measure = measures.getOrDefault(row.key(), new ZoneReport.Measure(0, MoneyTotals.empty()));
            measures.put(row.key(), new ZoneReport.Measure(measure.count() + row.count(),
                    measure.amount().add(row.currency(), row.amount())));
        }
        ZoneReport.Measure intended = measure(measures, "intended");
        ZoneReport.Measure signed = measure(measures, "signed");
        ZoneReport.Measure started = measure(measures, "started");
        ZoneReport.Measure operational = measure(measures, "operational");
        ZoneReport.Measure withdrawn = measure(measures, "withdrawn");
        MoneyTotals funds = measure(measures, "funds").amount();
        ZoneReport.Rates rates = new ZoneReport.Rates(
                Ratios.of(signed.count(), intended.count()), perCurrency(signed.amount(), intended.amount()),
                Ratios.of(started.count(), signed.count()), Ratios.of(operational.count(), signed.count()),
                perCurrency(funds, signed.amount()));
        Map<String, Long> amendments = new TreeMap<>(); // every currency the revisions show, zero or not
        intended.amount().asMap().keySet().forEach(currency -> amendments.put(currency, 0L));
        signed.amount().asMap().keySet().forEach(currency -> amendments.put(currency, 0L));
        for (TotalRow row : totals.agreements()) {
            if (AgreementState.AMENDMENTS.equals(row.key())) {
                amendments.merge(row.currency(), row.count(), Long::sum);
            }
        }
        ZoneReport.Revisions revisions = new ZoneReport.Revisions(
                revision(measure(measures, AgreementState.INTENDED_ORIGINAL).amount(), intended.amount()),
                revision(measure(measures, AgreementState.SIGNED_ORIGINAL).amount(), signed.amount()), amendments);
        return new ZoneReport(zone, asOf, day, new ZoneReport.Projects(projectCount, estimated, byStatus),
                new ZoneReport.Agreements(intended, signed, started, operational, withdrawn, funds), rates, revisions);
    }

    private static ZoneReport.Revision revision(MoneyTotals original, MoneyTotals current) {
        MoneyTotals change = MoneyTotals.empty();
        TreeSet<String> currencies = new TreeSet<>(original.asMap().keySet());
        currencies.addAll(current.asMap().keySet());
        for (String currency : currencies) {
            change.add(currency, current.get(currency).subtract(original.get(currency)));
        }
        return new ZoneReport.Revision(original, current, change);
    }

    private static ZoneReport.Measure measure(Map<String, ZoneReport.Measure> measures, String name) {
        return measures.getOrDefault(name, new ZoneReport.Measure(0, MoneyTotals.empty()));
    }

    /** numerator / denominator in each currency either has; {@code null} where the denominator is zero. */
    static Map<String, BigDecimal> perCurrency(MoneyTotals numerator, MoneyTotals denominator) {
        Map<String, BigDecimal> rates = new TreeMap<>();
        TreeSet<String> currencies = new TreeSet<>(numerator.asMap().keySet());
        currencies.addAll(denominator.asMap().keySet());
        for (String currency : currencies) {
            rates.put(currency, Ratios.of(numerator.get(currency), denominator.get(currency)));
        }
        return rates;
    }

    public static ProgrammeReport.Registered registered(List<TotalRow> rows) {
        long count = 0;
        MoneyTotals amount = MoneyTotals.empty();
        for (TotalRow row : rows) {
            count += row.count();
            amount.add(row.currency(), row.amount());
        }
        return new ProgrammeReport.Registered(count, amount);
    }
}
