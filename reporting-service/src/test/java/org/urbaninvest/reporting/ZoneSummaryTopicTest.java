package org.urbaninvest.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.EventSchemas;
import org.urbaninvest.testsupport.KafkaTestClient;
import org.urbaninvest.testsupport.TestInfrastructure;

/** zone-summaries.v1: compacted, key = zone code, value = the zone's report, at most once a second per zone. */
@QuarkusTest
class ZoneSummaryTopicTest {

    private static final String TOPIC = "zone-summaries.v1";

    @Test
    void summariesOfAChangedZoneAndItsAncestorsFollowTheReports() throws Exception {
        String parent = TestEvents.unique("summary-parent");
        String child = TestEvents.unique("summary-child");
        TestEvents.zone(parent, null).send();
        TestEvents.zone(child, parent).send();
        // the two zones may sit on different partitions: the parent's report is read below without waiting
        Api.awaitZone(parent);
        Api.awaitZone(child);
        Instant before = Instant.now();
        // a burst of changes: each is applied, but the zone is published at most once a second
        TestEvents.Agreement agreement = TestEvents.agreement(child, "100", "CNY", "2022-07-01").send();
        for (int i = 1; i <= 5; i++) {
            agreement.amendIntended(100 + i * 10 + ".00").send();
        }
        JsonNode expectedChild = summaryFields(Api.await("/api/v1/reports/zones/" + child,
                r -> "150.00".equals(r.at("/agreements/intended/amount/CNY").asText())));
        JsonNode expectedParent = summaryFields(Api.json("/api/v1/reports/zones/" + parent));

        KafkaTestClient kafka = KafkaTestClient.ofTestInfrastructure();
        for (Map.Entry<String, JsonNode> zone : Map.of(child, expectedChild, parent, expectedParent).entrySet()) {
            List<ConsumerRecord<String, String>> published = kafka.awaitRecords(TOPIC,
                    r -> zone.getKey().equals(r.key()),
                    list -> !list.isEmpty() && Api.parse(list.get(list.size() - 1).value()).equals(zone.getValue()),
                    Duration.ofSeconds(30));
            for (ConsumerRecord<String, String> record : published) {
                assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo("org.urbaninvest.report.zone-summary");
                assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(zone.getKey());
                assertThat(KafkaTestClient.header(record, "ce_source")).isEqualTo("/reporting-service");
                assertThat(EventSchemas.errors("org.urbaninvest.report.zone-summary", record.value())).isEmpty();
            }
            List<Instant> times = published.stream().filter(r -> Instant.ofEpochMilli(r.timestamp()).isAfter(before))
                    .map(r -> Instant.parse(KafkaTestClient.header(r, "ce_time"))).toList();
            for (int i = 1; i < times.size(); i++) {
                assertThat(Duration.between(times.get(i - 1), times.get(i)))
                        .as("publications of %s", zone.getKey()).isGreaterThanOrEqualTo(Duration.ofMillis(950));
            }
            assertThat(times.size()).as("a burst of six changes is coalesced").isLessThan(6);
        }
    }

    /** The report's fields the topic carries (SYSTEM.md §6): not the as-of day nor the revisions of the REST report. */
    private static JsonNode summaryFields(JsonNode report) {
        ObjectNode fields = report.deepCopy();
        fields.remove(List.of("asOfDate", "revisions"));
        return fields;
    }

    @Test
    void theTopicIsCompacted() throws Exception {
        String zone = TestEvents.unique("compacted");
        TestEvents.zone(zone, null).send();
        KafkaTestClient.ofTestInfrastructure().awaitRecordsWithKey(TOPIC, zone, 1);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafka().bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }
}
