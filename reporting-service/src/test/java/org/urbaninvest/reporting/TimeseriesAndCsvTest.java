package org.urbaninvest.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.Tokens;

/**
 * Time series: intended agreements by intendedOn (intendedAmount, withdrawn ones left out, as in the zone
 * report), signed by signedOn (signedAmount), funds in place by the disbursements' receivedOn.
 */
@QuarkusTest
class TimeseriesAndCsvTest {

    @Test
    void seriesByMonthQuarterAndYear() {
        String zone = TestEvents.unique("series");
        String child = TestEvents.unique("series-child");
        TestEvents.zone(zone, null).send();
        TestEvents.zone(child, zone).send();
        Api.awaitZone(child);
        TestEvents.agreement(zone, "100", "CNY", "2022-07-05").send().sign("80", "CNY", "2022-08-01").send()
                .disburse("10", "2022-09-10").send().disburse("5", "2022-12-01").send();
        TestEvents.agreement(child, "50", "CNY", "2022-07-20").send();
        TestEvents.agreement(zone, "30", "CNY", "2022-11-03").send().withdraw("2022-11-20").send();
        TestEvents.agreement(child, "7", "USD", "2023-01-02").send().sign("7", "USD", "2023-02-03").send();

        String base = "/api/v1/reports/zones/" + zone + "/timeseries";
        Api.awaitAsserted(base + "?metric=fundsInPlace", series -> assertThat(series.toString()).isEqualTo(
                "[{\"period\":\"2022-09\",\"count\":1,\"amount\":{\"CNY\":\"10.00\"}},"
                        + "{\"period\":\"2022-12\",\"count\":1,\"amount\":{\"CNY\":\"5.00\"}}]"));
        Api.awaitAsserted(base + "?metric=intended", series -> assertThat(series.toString()).isEqualTo(
                "[{\"period\":\"2022-07\",\"count\":2,\"amount\":{\"CNY\":\"150.00\"}},"
                        + "{\"period\":\"2023-01\",\"count\":1,\"amount\":{\"USD\":\"7.00\"}}]"));
        Api.awaitAsserted(base + "?metric=signed&interval=quarter", series -> assertThat(series.toString())
                .isEqualTo("[{\"period\":\"2022-Q3\",\"count\":1,\"amount\":{\"CNY\":\"80.00\"}},"
                        + "{\"period\":\"2023-Q1\",\"count\":1,\"amount\":{\"USD\":\"7.00\"}}]"));
        assertThat(Api.json(base + "?metric=fundsInPlace&interval=year").toString())
                .isEqualTo("[{\"period\":\"2022\",\"count\":2,\"amount\":{\"CNY\":\"15.00\"}}]");
        assertThat(Api.json(base + "?metric=intended&interval=year&includeSubzones=false").toString())
                .isEqualTo("[{\"period\":\"2022\",\"count\":1,\"amount\":{\"CNY\":\"100.00\"}}]");
    }

    @Test
    void allZonesAsPagedJsonAndAsCsv() throws IOException {
        String zone = TestEvents.unique("csv");
        TestEvents.zone(zone, null).named("CSV, \"quoted\" zone", "CITY").send();
        TestEvents.agreement(zone, "12.5", "CNY", "2022-07-05").send().sign("10", "CNY", "2022-08-01").send();
        TestEvents.agreement(zone, "3", "EUR", "2022-07-05").send();
        Api.await("/api/v1/reports/zones/" + zone, r -> r.at("/agreements/signed/count").asInt() == 1
                && r.at("/agreements/intended/count").asInt() == 2);

        JsonNode page = Api.json("/api/v1/reports/zones?size=1");
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode all = Api.json("/api/v1/reports/zones?size=500");
        assertThat(all.get("items")).hasSize(Math.min(all.get("total").asInt(), 500));
        JsonNode row = null;
        for (JsonNode item : all.get("items")) {
            if (zone.equals(item.get("zone").asText())) {
                row = item;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row).isEqualTo(Api.json("/api/v1/reports/zones/" + zone));

        String csv = given().auth().oauth2(Tokens.viewer()).accept("text/csv").when().get("/api/v1/reports/zones")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            List<String> header = parser.getHeaderNames();
            assertThat(header).startsWith("zone", "name", "asOf", "asOfDate", "projects.count");
            assertThat(header).contains("agreements.intended.count", "agreements.intended.amount.CNY",
                    "agreements.intended.amount.EUR", "agreements.signed.amount.CNY", "rates.signingByCount",
                    "rates.signingByAmount.CNY", "rates.fundsInPlaceByAmount.EUR", "projects.byStatus.cancelled");
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(all.get("total").asInt());
            CSVRecord mine = records.stream().filter(r -> zone.equals(r.get("zone"))).findFirst().orElseThrow();
            assertThat(mine.get("name")).isEqualTo("CSV, \"quoted\" zone");
            assertThat(mine.get("agreements.intended.count")).isEqualTo("2");
            assertThat(mine.get("agreements.intended.amount.CNY")).isEqualTo("12.50");
            assertThat(mine.get("agreements.intended.amount.EUR")).isEqualTo("3.00");
            assertThat(mine.get("agreements.signed.amount.EUR")).isEqualTo("0.00");
            assertThat(mine.get("rates.signingByCount")).isEqualTo("0.5000");
            assertThat(mine.get("rates.signingByAmount.CNY")).isEqualTo("0.8000");
            assertThat(mine.get("rates.signingByAmount.EUR")).isEqualTo("0.0000");
            assertThat(mine.get("rates.startByCount")).isEqualTo("0.0000");
            assertThat(mine.get("rates.fundsInPlaceByAmount.EUR")).isEmpty();
        }
    }
}
