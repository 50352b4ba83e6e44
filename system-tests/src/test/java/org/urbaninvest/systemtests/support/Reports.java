package org.urbaninvest.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.urbaninvest.systemtests.support.RunningSuite.Service;

/** Reads reporting-service's reports and waits (bounded) until they show what a {@link Ledger} expects. */
public final class Reports {

    /** How long the reports may take to catch up after the last write, on a busy 2-core machine. */
    public static final Duration CONVERGENCE = Duration.ofSeconds(90);

    private final Api api;
    private final String token;

    public Reports(RunningSuite suite) {
        this(suite, 0);
    }

    /** The reports as instance {@code k} of reporting-service answers them. */
    public Reports(RunningSuite suite, int instance) {
        this.api = suite.api().on(instance);
        this.token = suite.tokens().viewer();
    }

    public JsonNode zone(String code, boolean includeSubzones) {
        return api.get(Service.REPORTING, "/api/v1/reports/zones/" + code + "?includeSubzones=" + includeSubzones,
                token).expect(200).json();
    }

    public JsonNode programme(String code) {
        return api.get(Service.REPORTING, "/api/v1/reports/programmes/" + code, token).expect(200).json();
    }

    public JsonNode timeseries(String zone, String metric, String interval, boolean includeSubzones) {
        return api.get(Service.REPORTING, "/api/v1/reports/zones/" + zone + "/timeseries?metric=" + metric
                + "&interval=" + interval + "&includeSubzones=" + includeSubzones, token).expect(200).json();
    }

    /** Waits until the zone's report (with and without subzones) equals the ledger's figures. */
    public void awaitZone(Ledger ledger, String zone) {
        awaitZone(ledger, zone, CONVERGENCE);
    }

    public void awaitZone(Ledger ledger, String zone, Duration atMost) {
        await("report of zone " + zone).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(300))
                .ignoreExceptionsInstanceOf(java.io.UncheckedIOException.class)
                .untilAsserted(() -> {
                    for (boolean subzones : List.of(true, false)) {
                        JsonNode report = zone(zone, subzones);
                        assertThat(Figures.zone(report)).as("zone %s, includeSubzones=%s", zone, subzones)
                                .isEqualTo(ledger.zoneFigures(zone, subzones));
                    }
                });
    }

    /** Waits until every zone of the ledger shows the ledger's figures. */
    public void awaitZones(Ledger ledger, Duration atMost) {
        await("reports of " + ledger.zones()).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(java.io.UncheckedIOException.class)
                .untilAsserted(() -> {
                    for (String zone : ledger.zones()) {
                        assertThat(Figures.zone(zone(zone, true))).as("zone %s", zone)
                                .isEqualTo(ledger.zoneFigures(zone, true));
                    }
                });
    }

    public void awaitProgramme(Ledger ledger, String programme) {
        await("report of programme " + programme).atMost(CONVERGENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(300))
                .ignoreExceptionsInstanceOf(java.io.UncheckedIOException.class)
                .untilAsserted(() -> assertThat(Figures.programme(programme(programme)))
                        .isEqualTo(ledger.programmeFigures(programme)));
    }

    public void awaitTimeseries(Ledger ledger, String zone, String metric, String interval, boolean subzones) {
        await("time series " + metric + "/" + interval + " of " + zone).atMost(CONVERGENCE)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    List<Map<String, Object>> actual = Figures.timeseries(timeseries(zone, metric, interval, subzones));
                    assertThat(actual).as("%s by %s, includeSubzones=%s", metric, interval, subzones)
                            .isEqualTo(ledger.timeseries(zone, subzones, metric, interval));
                });
    }
}
