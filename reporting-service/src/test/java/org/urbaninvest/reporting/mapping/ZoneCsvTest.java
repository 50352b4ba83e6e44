package org.urbaninvest.reporting.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.urbaninvest.platform.money.MoneyTotals;
import org.urbaninvest.reporting.domain.NamedZoneReport;
import org.urbaninvest.reporting.domain.ZoneReport;

/** The CSV export, byte for byte: header, column order, one column per currency of the file, quoting, CRLF. */
class ZoneCsvTest {

    private static final Instant AS_OF = Instant.parse("2022-09-30T08:00:00.123456Z");

    @Test
    void everyZoneIsOneRowWithAColumnPerCurrencyOfTheFile() {
        ZoneReport signedInCny = new ZoneReport("zone-a", AS_OF, LocalDate.parse("2022-09-30"),
                new ZoneReport.Projects(1, cny("10"), byStatus(1, 1)),
                new ZoneReport.Agreements(measure(2, cny("12.5")), measure(1, cny("10")), measure(0, none()),
                        measure(0, none()), measure(0, none()), cny("4")),
                new ZoneReport.Rates(new BigDecimal("0.5000"), Map.of("CNY", new BigDecimal("0.8000")),
                        new BigDecimal("0.0000"), new BigDecimal("0.0000"), Map.of("CNY", new BigDecimal("0.4000"))),
                new ZoneReport.Revisions(new ZoneReport.Revision(cny("10"), cny("12.5"), cny("2.5")),
                        new ZoneReport.Revision(cny("10"), cny("10"), cny("0")), Map.of("CNY", 1L)));
        ZoneReport intendedInEur = new ZoneReport("zone-b", AS_OF, null,
                new ZoneReport.Projects(0, none(), byStatus(0, 0)),
                new ZoneReport.Agreements(measure(1, MoneyTotals.empty().add("EUR", new BigDecimal("3"))),
                        measure(0, none()), measure(0, none()), measure(0, none()), measure(0, none()), none()),
                new ZoneReport.Rates(new BigDecimal("0.0000"), Map.of("EUR", new BigDecimal("0.0000")), null, null,
                        Map.of()),
                new ZoneReport.Revisions(new ZoneReport.Revision(eur("3"), eur("3"), eur("0")),
                        new ZoneReport.Revision(none(), none(), none()), Map.of("EUR", 0L)));

        String csv = ZoneCsv.write(List.of(new NamedZoneReport("Zone \"A\", the first", signedInCny),
                new NamedZoneReport(null, intendedInEur)));

        assertThat(csv).isEqualTo(String.join("\r\n",
                "zone,name,asOf,asOfDate,projects.count,projects.estimatedInvestment.CNY,projects.estimatedInvestment.EUR,"
                        + "projects.byStatus.identification,projects.byStatus.preparation,"
                        + "projects.byStatus.implementation,projects.byStatus.completion,"
                        + "projects.byStatus.maintenance,projects.byStatus.decommissioning,"
                        + "projects.byStatus.decommissioned,projects.byStatus.cancelled,"
                        + "agreements.intended.count,agreements.intended.amount.CNY,agreements.intended.amount.EUR,"
                        + "agreements.signed.count,agreements.signed.amount.CNY,agreements.signed.amount.EUR,"
                        + "agreements.started.count,agreements.started.amount.CNY,agreements.started.amount.EUR,"
                        + "agreements.operational.count,agreements.operational.amount.CNY,"
                        + "agreements.operational.amount.EUR,"
                        + "agreements.withdrawn.count,agreements.withdrawn.amount.CNY,agreements.withdrawn.amount.EUR,"
                        + "agreements.fundsInPlace.CNY,agreements.fundsInPlace.EUR,"
                        + "rates.signingByCount,rates.signingByAmount.CNY,rates.signingByAmount.EUR,"
                        + "rates.startByCount,rates.operationalByCount,"
                        + "rates.fundsInPlaceByAmount.CNY,rates.fundsInPlaceByAmount.EUR,"
                        + "revisions.intended.original.CNY,revisions.intended.original.EUR,"
                        + "revisions.intended.current.CNY,revisions.intended.current.EUR,"
                        + "revisions.intended.change.CNY,revisions.intended.change.EUR,"
                        + "revisions.signed.original.CNY,revisions.signed.original.EUR,"
                        + "revisions.signed.current.CNY,revisions.signed.current.EUR,"
                        + "revisions.signed.change.CNY,revisions.signed.change.EUR,"
                        + "revisions.amendments.CNY,revisions.amendments.EUR",
                "zone-a,\"Zone \"\"A\"\", the first\",2022-09-30T08:00:00.123456Z,2022-09-30,1,10.00,0.00,"
                        + "0,0,1,0,0,0,0,1,"
                        + "2,12.50,0.00,1,10.00,0.00,0,0.00,0.00,0,0.00,0.00,0,0.00,0.00,4.00,0.00,"
                        + "0.5000,0.8000,,0.0000,0.0000,0.4000,,"
                        + "10.00,0.00,12.50,0.00,2.50,0.00,10.00,0.00,10.00,0.00,0.00,0.00,1,0",
                "zone-b,,2022-09-30T08:00:00.123456Z,,0,0.00,0.00,"
                        + "0,0,0,0,0,0,0,0,"
                        + "1,0.00,3.00,0,0.00,0.00,0,0.00,0.00,0,0.00,0.00,0,0.00,0.00,0.00,0.00,"
                        + "0.0000,,0.0000,,,,,"
                        + "0.00,3.00,0.00,3.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0,0",
                ""));
    }

    private static MoneyTotals cny(String amount) {
        return MoneyTotals.empty().add("CNY", new BigDecimal(amount));
    }

    private static MoneyTotals eur(String amount) {
        return MoneyTotals.empty().add("EUR", new BigDecimal(amount));
    }

    private static MoneyTotals none() {
        return MoneyTotals.empty();
    }

    private static ZoneReport.Measure measure(long count, MoneyTotals amount) {
        return new ZoneReport.Measure(count, amount);
    }

    /** Every status at zero but {@code implementation} and {@code cancelled}. */
    private static Map<String, Long> byStatus(long implementation, long cancelled) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (String status : List.of("identification", "preparation", "implementation", "completion", "maintenance",
                "decommissioning", "decommissioned", "cancelled")) {
            byStatus.put(status, 0L);
        }
        byStatus.put("implementation", implementation);
        byStatus.put("cancelled", cancelled);
        return byStatus;
    }
}
