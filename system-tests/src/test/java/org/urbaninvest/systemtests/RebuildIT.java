package org.urbaninvest.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.urbaninvest.systemtests.support.AgreementStream;
import org.urbaninvest.systemtests.support.Api.Call;
import org.urbaninvest.systemtests.support.Api.Reply;
import org.urbaninvest.systemtests.support.Figures;
import org.urbaninvest.systemtests.support.Ledger;
import org.urbaninvest.systemtests.support.Reports;
import org.urbaninvest.systemtests.support.RunningSuite.Service;
import org.urbaninvest.systemtests.support.Site;
import org.urbaninvest.systemtests.support.SystemTest;
import org.urbaninvest.systemtests.support.Workload;

/**
 * A rebuild of the projections ({@code POST /api/v1/admin/rebuild}) started on one reporting-service instance while
 * writes continue through every investment-service instance: the reports answer throughout, and both reporting
 * instances end at the same totals — every other zone exactly as before, the written zone exactly at the figures
 * of everything sent.
 */
@Order(110)
class RebuildIT extends SystemTest {

    @Test
    void aRebuildDuringWritesConvergesToTheSameTotals() {
        Ledger ledger = new Ledger();
        Site site = Site.create(new Workload(suite(), ledger), "rebuild");
        AgreementStream warmUp = new AgreementStream(suite(), ledger).start(4, site::plan, 200);
        warmUp.join(Duration.ofMinutes(3));
        assertThat(warmUp.failures()).isEmpty();
        Reports reports = new Reports(suite());
        reports.awaitZone(ledger, site.zone());
        Map<String, Map<String, Object>> before = allZones();
        before.keySet().removeAll(ledger.zones());

        AgreementStream stream = new AgreementStream(suite(), ledger).replicated()
                .start(3, n -> site.plan(n + 10_000), 100_000);
        Reply accepted = api().send(new Call(Service.REPORTING, "POST", "/api/v1/admin/rebuild")
                .token(tokens().admin()));
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        List<Integer> answers = new ArrayList<>();
        await("rebuild completed").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
            answers.add(api().get(Service.REPORTING, "/api/v1/reports/zones/" + site.zone(), tokens().viewer())
                    .status());
            JsonNode status = api().get(Service.REPORTING, "/api/v1/admin/rebuild", tokens().admin()).expect(200)
                    .json();
            assertThat(status.path("state").asText()).isNotEqualTo("FAILED");
            return status.path("state").asText().equals("COMPLETED") && stream.applied() > 100;
        });
        stream.stop();
        stream.join(Duration.ofMinutes(2));
        assertThat(stream.failures()).isEmpty();
        assertThat(answers).as("reports answered throughout the rebuild").isNotEmpty().allMatch(s -> s == 200);

        for (int instance = 0; instance < suite().replicas(Service.REPORTING); instance++) {
            int on = instance;
            new Reports(suite(), on).awaitZone(ledger, site.zone(), Duration.ofMinutes(3));
            await("every other zone as before on reporting-service-" + on).atMost(Reports.CONVERGENCE)
                    .untilAsserted(() -> {
                        Map<String, Map<String, Object>> after = allZones(on);
                        after.keySet().retainAll(before.keySet());
                        assertThat(after).isEqualTo(before);
                    });
        }
    }

    private Map<String, Map<String, Object>> allZones() {
        return allZones(0);
    }

    private Map<String, Map<String, Object>> allZones(int instance) {
        Map<String, Map<String, Object>> zones = new TreeMap<>();
        for (int page = 0; ; page++) {
            JsonNode answer = api().on(instance).get(Service.REPORTING, "/api/v1/reports/zones?size=500&page="
                    + page, tokens().viewer()).expect(200).json();
            answer.path("items").forEach(row -> zones.put(row.path("zone").asText(), Figures.zone(row)));
            if ((long) (page + 1) * 500 >= answer.path("total").asLong()) {
                return zones;
            }
        }
    }
}
