package org.urbaninvest.reporting.mapping;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.commons.csv.CSVPrinter;
import org.urbaninvest.platform.http.Csv;
import org.urbaninvest.platform.money.MoneyAmountSerializer;
import org.urbaninvest.platform.money.MoneyTotals;
import org.urbaninvest.reporting.domain.NamedZoneReport;
import org.urbaninvest.reporting.domain.ProjectState;
import org.urbaninvest.reporting.domain.ZoneReport;

/**
 * The all-zones summary as CSV: one row per zone, the JSON report's fields flattened with dotted names. An
 * amount or an amount rate gets one column per currency ({@code agreements.signed.amount.CNY}), for every
 * currency that appears in the file, so each column holds one currency and sums in a spreadsheet.
 */
public final class ZoneCsv {

    private ZoneCsv() {
    }

    private record Column(String name, Function<NamedZoneReport, String> value) {
    }

    public static String write(List<NamedZoneReport> rows) {
        TreeSet<String> currencies = new TreeSet<>();
        for (NamedZoneReport row : rows) {
            ZoneReport report = row.report();
            ZoneReport.Agreements a = report.agreements();
            for (MoneyTotals totals : List.of(report.projects().estimatedInvestment(), a.intended().amount(),
                    a.signed().amount(), a.started().amount(), a.operational().amount(), a.withdrawn().amount(),
                    a.fundsInPlace(), report.revisions().intended().original(),
                    report.revisions().signed().original())) {
                currencies.addAll(totals.asMap().keySet());
            }
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("zone", row -> row.report().zone()));
        columns.add(new Column("name", NamedZoneReport::name));
        columns.add(new Column("asOf", row -> row.report().asOf() == null ? "" : row.report().asOf().toString()));
        columns.add(new Column("asOfDate",
                row -> row.report().asOfDate() == null ? "" : row.report().asOfDate().toString()));
        columns.add(new Column("projects.count", row -> Long.toString(row.report().projects().count())));
        amounts(columns, "projects.estimatedInvestment", currencies, r -> r.projects().estimatedInvestment());
        for (String status : ProjectState.STATUSES) {
            columns.add(new Column("projects.byStatus." + status,
                    row -> Long.toString(row.report().projects().byStatus().getOrDefault(status, 0L))));
        }
        measure(columns, "intended", currencies, ZoneReport.Agreements::intended);
        measure(columns, "signed", currencies, ZoneReport.Agreements::signed);
        measure(columns, "started", currencies, ZoneReport.Agreements::started);
        measure(columns, "operational", currencies, ZoneReport.Agreements::operational);
        measure(columns, "withdrawn", currencies, ZoneReport.Agreements::withdrawn);
        amounts(columns, "agreements.fundsInPlace", currencies, r -> r.agreements().fundsInPlace());
        columns.add(new Column("rates.signingByCount", row -> ratio(row.report().rates().signingByCount())));
        ratios(columns, "rates.signingByAmount", currencies, r -> r.rates().signingByAmount());
        columns.add(new Column("rates.startByCount", row -> ratio(row.report().rates().startByCount())));
        columns.add(new Column("rates.operationalByCount", row -> ratio(row.report().rates().operationalByCount())));
        ratios(columns, "rates.fundsInPlaceByAmount", currencies, r -> r.rates().fundsInPlaceByAmount());
        revision(columns, "intended", currencies, ZoneReport.Revisions::intended);
        revision(columns, "signed", currencies, ZoneReport.Revisions::signed);
        for (String currency : currencies) {
            columns.add(new Column("revisions.amendments." + currency,
                    row -> Long.toString(row.report().revisions().amendments().getOrDefault(currency, 0L))));
        }

        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, Csv.WRITE.builder()
                .setHeader(columns.stream().map(Column::name).toArray(String[]::new)).get())) {
            for (NamedZoneReport row : rows) {
                List<String> values = new ArrayList<>();
                columns.forEach(column -> values.add(column.value().apply(row)));
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void measure(List<Column> columns, String name, TreeSet<String> currencies,
            Function<ZoneReport.Agreements, ZoneReport.Measure> measure) {
        columns.add(new Column("agreements." + name + ".count",
                row -> Long.toString(measure.apply(row.report().agreements()).count())));
        amounts(columns, "agreements." + name + ".amount", currencies,
                r -> measure.apply(r.agreements()).amount());
    }

    private static void revision(List<Column> columns, String name, TreeSet<String> currencies,
            Function<ZoneReport.Revisions, ZoneReport.Revision> revision) {
        String prefix = "revisions." + name;
        amounts(columns, prefix + ".original", currencies, r -> revision.apply(r.revisions()).original());
        amounts(columns, prefix + ".current", currencies, r -> revision.apply(r.revisions()).current());
        amounts(columns, prefix + ".change", currencies, r -> revision.apply(r.revisions()).change());
    }

    private static void amounts(List<Column> columns, String prefix, TreeSet<String> currencies,
            Function<ZoneReport, MoneyTotals> totals) {
        for (String currency : currencies) {
            columns.add(new Column(prefix + "." + currency,
                    row -> MoneyAmountSerializer.format(totals.apply(row.report()).get(currency))));
        }
    }

    private static void ratios(List<Column> columns, String prefix, TreeSet<String> currencies,
            Function<ZoneReport, Map<String, BigDecimal>> rates) {
        for (String currency : currencies) {
            columns.add(new Column(prefix + "." + currency, row -> ratio(rates.apply(row.report()).get(currency))));
        }
    }

    private static String ratio(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
