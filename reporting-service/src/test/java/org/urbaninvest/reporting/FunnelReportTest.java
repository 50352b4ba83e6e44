package org.urbaninvest.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.urbaninvest.platform.time.Clock;

/**
 * The funnel and ageing of a zone F with a child C, the clock at 2024-06-01 (today, the default day):
 *
 * <pre>
 * B1 F  intended 2024-01-01
 * B2 F  intended 2024-02-01, signed 2024-03-01
 * B3 F  intended 2024-01-15, signed 2024-02-15, started 2024-04-01
 * B4 F  intended 2024-03-01, withdrawn 2024-04-10
 * B5 F  intended 2024-01-10, signed 2024-01-20, started 2024-02-01, operational 2024-05-01
 * B6 C  intended 2024-05-01, by a FOREIGN investor
 * B7 F  intended 2024-06-15 (after the day: not counted)
 * today: reached INTENDED 6, SIGNED 3 (3/6 = 0.5000), STARTED 2 (0.6667), OPERATIONAL 1 (0.5000); withdrawn 1.
 *   in INTENDED: B1 152 days, B6 31 → median (nearest rank) 31, p90 152, max 152; SIGNED: B2 92;
 *   STARTED: B3 61; OPERATIONAL: B5 31.
 * as of 2024-03-01: reached 5, 3 (0.6000), 1 (0.3333), 0 (0.0000); in INTENDED B1 60, B4 0 → 0, 60, 60;
 *   SIGNED B2 0, B3 15 → 0, 15, 15; STARTED B5 29; none OPERATIONAL.
 * </pre>
 */
@QuarkusTest
class FunnelReportTest {

    private static final LocalDate TODAY = LocalDate.parse("2024-06-01");

    @BeforeEach
    void fixTheClock() {
        QuarkusMock.installMockForType(
                new Clock(java.time.Clock.fixed(Instant.parse("2024-06-01T23:59:00Z"), ZoneOffset.UTC)), Clock.class);
    }

    @Test
    void stagesReachedConversionsAndDaysInTheCurrentStage() {
        String f = TestEvents.unique("funnel");
        String c = TestEvents.unique("funnel-child");
        TestEvents.zone(f, null).send();
        TestEvents.zone(c, f).send();
        Api.awaitZone(c);
        String foreign = TestEvents.investor("FOREIGN");
        TestEvents.agreement(f, "10", "CNY", "2024-01-01").send();
        TestEvents.agreement(f, "10", "CNY", "2024-02-01").send().sign("10", "CNY", "2024-03-01").send();
        TestEvents.agreement(f, "10", "CNY", "2024-01-15").send().sign("10", "CNY", "2024-02-15").send()
                .start("2024-04-01").send();
        TestEvents.agreement(f, "10", "CNY", "2024-03-01").send().withdraw("2024-04-10").send();
        TestEvents.Agreement b5 = TestEvents.agreement(f, "10", "CNY", "2024-01-10").sign("10", "CNY", "2024-01-20")
                .start("2024-02-01").operate("2024-05-01");
        // the last version first, then a stale one, then the last again: the stale one changes nothing
        String operational = b5.json();
        TestEvents.send("agreements.v1", b5.id(), b5.type(), operational, Instant.now());
        TestEvents.agreement(b5.id(), f, "10", "CNY", "2024-01-10").send();
        TestEvents.send("agreements.v1", b5.id(), b5.type(), operational, Instant.now());
        TestEvents.agreement(c, "10", "CNY", "2024-05-01").by(foreign).send();
        TestEvents.agreement(TestEvents.keyOnSamePartition("agreements.v1", b5.id()), f, "10", "CNY", "2024-06-15")
                .send();
        Api.await("/api/v1/reports/zones/" + f, r -> r.at("/agreements/intended/count").asInt() == 6
                && r.at("/agreements/signed/count").asInt() == 3 && r.at("/agreements/started/count").asInt() == 2
                && r.at("/agreements/withdrawn/count").asInt() == 1 && r.at("/agreements/operational/count").asInt() == 1);
        String funnel = "/api/v1/reports/zones/" + f + "/funnel";

        JsonNode today = Api.json(funnel);
        assertThat(Api.text(today, "/zone")).isEqualTo(f);
        assertThat(Api.text(today, "/asOfDate")).isEqualTo("2024-06-01");
        assertThat(today.get("includeSubzones").asBoolean()).isTrue();
        assertThat(today.get("investorKind").isNull()).isTrue();
        assertThat(today.get("stages").toString()).isEqualTo("["
                + stage("INTENDED", 6, "null", 2, days("2024-05-01"), days("2024-01-01"), days("2024-01-01")) + ","
                + stage("SIGNED", 3, "0.5000", 1, 92, 92, 92) + ","
                + stage("STARTED", 2, "0.6667", 1, 61, 61, 61) + ","
                + stage("OPERATIONAL", 1, "0.5000", 1, 31, 31, 31) + "]");
        assertThat(today.get("withdrawn").asLong()).isEqualTo(1);
        assertThat(Api.json(funnel + "?asOf=2024-06-01")).isEqualTo(today);

        JsonNode march = Api.json(funnel + "?asOf=2024-03-01");
        assertThat(march.get("stages").toString()).isEqualTo("["
                + stage("INTENDED", 5, "null", 2, 0, 60, 60) + ","
                + stage("SIGNED", 3, "0.6000", 2, 0, 15, 15) + ","
                + stage("STARTED", 1, "0.3333", 1, 29, 29, 29) + ","
                + "{\"stage\":\"OPERATIONAL\",\"reached\":0,\"conversion\":0.0000,"
                + "\"current\":{\"count\":0,\"medianDays\":null,\"p90Days\":null,\"maxDays\":null}}]");
        assertThat(march.get("withdrawn").asLong()).isZero();

        // one investor kind: B6 alone (an investor not announced on investors.v1 has no kind)
        JsonNode foreignOnly = Api.await(funnel + "?investorKind=FOREIGN", r -> r.at("/stages/0/reached").asInt() == 1);
        assertThat(Api.text(foreignOnly, "/investorKind")).isEqualTo("FOREIGN");
        assertThat(foreignOnly.at("/stages/0").toString()).isEqualTo(stage("INTENDED", 1, "null", 1, 31, 31, 31));
        assertThat(foreignOnly.at("/stages/1/conversion").toString()).isEqualTo("0.0000");
        assertThat(foreignOnly.at("/stages/2/conversion").isNull()).isTrue();
        assertThat(Api.json(funnel + "?investorKind=PRIVATE").at("/stages/0/reached").asInt()).isZero();

        // without the subzone: B6 leaves INTENDED
        JsonNode own = Api.json(funnel + "?includeSubzones=false");
        assertThat(own.at("/stages/0").toString()).isEqualTo(stage("INTENDED", 5, "null", 1, 152, 152, 152));
    }

    @Test
    void badParametersAnswer400AndAnUnknownZone404() {
        String zone = TestEvents.unique("funnel-bad");
        TestEvents.zone(zone, null).send();
        Api.awaitZone(zone);
        String funnel = "/api/v1/reports/zones/" + zone + "/funnel";
        JsonNode empty = Api.json(funnel);
        assertThat(empty.at("/stages/0").toString()).isEqualTo("{\"stage\":\"INTENDED\",\"reached\":0,"
                + "\"conversion\":null,\"current\":{\"count\":0,\"medianDays\":null,\"p90Days\":null,\"maxDays\":null}}");
        assertThat(empty.at("/stages/1/conversion").isNull()).isTrue();
        AsOfReportTest.assertInvalid(funnel + "?asOf=2024-06-02", "must not be after today (2024-06-01)");
        AsOfReportTest.assertInvalid(funnel + "?asOf=1989-12-31", "must be 1990-01-01 or later");
        JsonNode problem = Api.parse(Api.get(funnel + "?investorKind=alien").then().statusCode(400)
                .contentType("application/problem+json").extract().asString());
        assertThat(problem.get("errors").toString()).isEqualTo("[{\"field\":\"investorKind\","
                + "\"message\":\"must be one of PRIVATE, STATE_OWNED, FOREIGN, MIXED, OTHER\"}]");
        Api.get("/api/v1/reports/zones/no-such-zone-anywhere/funnel").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static long days(String since) {
        return ChronoUnit.DAYS.between(LocalDate.parse(since), TODAY);
    }

    private static String stage(String stage, long reached, String conversion, long count, long median, long p90,
            long max) {
        return "{\"stage\":\"" + stage + "\",\"reached\":" + reached + ",\"conversion\":" + conversion
                + ",\"current\":{\"count\":" + count + ",\"medianDays\":" + median + ",\"p90Days\":" + p90
                + ",\"maxDays\":" + max + "}}";
    }
}
