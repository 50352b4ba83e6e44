package org.urbaninvest.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.urbaninvest.reporting.events.Topics;
import org.urbaninvest.testsupport.KafkaTestClient;
import org.urbaninvest.testsupport.Scrape;

/** The signals the runbook's alerts and the Grafana dashboard read from {@code /q/metrics}. */
@QuarkusTest
class OperatorMetricsTest {

    private static final String LAG = "urbaninvest_consumer_lag";

    /** Consumer lag per group and partition, for every partition of every topic the service reads. */
    @Test
    void consumerLagIsMeasuredPerGroupAndPartitionAndFallsToZeroOnceConsumed() {
        String zone = TestEvents.unique("lag");
        TestEvents.zone(zone, null).send();
        Api.awaitZone(zone);
        KafkaTestClient kafka = KafkaTestClient.ofTestInfrastructure();
        Set<String> expected = new TreeSet<>();
        for (String topic : Topics.CONSUMED) {
            for (int partition = 0; partition < kafka.partitions(topic); partition++) {
                expected.add(topic + "/" + partition);
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Set<String> measured = new TreeSet<>();
            Scrape metrics = Scrape.now();
            metrics.samples(LAG, Map.of("group", "reporting-service"))
                    .forEach(s -> measured.add(s.labels().get("topic") + "/" + s.labels().get("partition")));
            assertThat(measured).isEqualTo(expected);
            assertThat(metrics.sum(LAG, Map.of("group", "reporting-service", "topic", "zones.v1")))
                    .as("zones.v1 consumed and committed").isZero();
        });
    }

    @Test
    void outboxBacklogAndRebuildProgressAreExposed() {
        Scrape metrics = Scrape.now();
        assertThat(metrics.samples("urbaninvest_outbox_pending", Map.of())).isNotEmpty();
        assertThat(metrics.samples("urbaninvest_outbox_oldest_pending_age_seconds", Map.of())).isNotEmpty();
        assertThat(metrics.samples("urbaninvest_rebuild_running", Map.of())).isNotEmpty();
    }
}
