package org.urbaninvest.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.KafkaTestClient;
import org.urbaninvest.testsupport.Scrape;

/**
 * Duplicates and stale redeliveries change nothing; a message that cannot be applied goes to the dead letters
 * and the next one is applied. To know a stale event has been consumed, each test follows it with a marker
 * event on the same partition (consumed in order after it) and waits for the marker.
 */
@QuarkusTest
class EventOrderingTest {

    private static final String DEAD_LETTERS = "urbaninvest_dead_letters_total";

    @Test
    void staleAndDuplicateEventsChangeNothing() {
        String zone = TestEvents.unique("order");
        String markerZone = TestEvents.unique("marker");
        TestEvents.zone(zone, null).send();
        TestEvents.zone(markerZone, null).send();
        // the zones may sit on different partitions: each is known before its report is read
        Api.awaitZone(zone);
        Api.awaitZone(markerZone);

        TestEvents.Agreement agreement = TestEvents.agreement(zone, "100", "CNY", "2022-07-01");
        String v1 = agreement.json();
        String v1Type = agreement.type();
        agreement.sign("60", "CNY", "2022-08-01");
        String v2 = agreement.json();
        // v2 arrives first, then v1 late, then v2 again
        TestEvents.send("agreements.v1", agreement.id(), agreement.type(), v2, Instant.now());
        TestEvents.send("agreements.v1", agreement.id(), v1Type, v1, Instant.now());
        TestEvents.send("agreements.v1", agreement.id(), agreement.type(), v2, Instant.now());
        TestEvents.agreement(TestEvents.keyOnSamePartition("agreements.v1", agreement.id()), markerZone, "1", "CNY",
                "2022-07-01").send();
        Api.await("/api/v1/reports/zones/" + markerZone, r -> r.at("/agreements/intended/count").asInt() == 1);

        JsonNode report = Api.json("/api/v1/reports/zones/" + zone);
        assertThat(report.at("/agreements/intended").toString()).isEqualTo("{\"count\":1,\"amount\":{\"CNY\":\"100.00\"}}");
        assertThat(report.at("/agreements/signed").toString()).isEqualTo("{\"count\":1,\"amount\":{\"CNY\":\"60.00\"}}");
    }

    @Test
    void aPoisonMessageGoesToTheDeadLettersAndTheNextOneIsApplied() {
        String zone = TestEvents.unique("poison");
        TestEvents.zone(zone, null).send();
        Api.awaitZone(zone);
        double deadLettersBefore = Scrape.now().sum(DEAD_LETTERS, Map.of("topic", "agreements.v1"));
        String brokenKey = UUID.randomUUID().toString();
        TestEvents.send("agreements.v1", brokenKey, "agreement.intended", "{not json", Instant.now());
        String noZoneKey = TestEvents.keyOnSamePartition("agreements.v1", brokenKey);
        TestEvents.send("agreements.v1", noZoneKey, "agreement.intended",
                "{\"id\":\"" + noZoneKey + "\",\"stage\":\"INTENDED\",\"version\":1}", Instant.now());
        TestEvents.agreement(TestEvents.keyOnSamePartition("agreements.v1", brokenKey), zone, "9", "CNY",
                "2022-07-01").send();

        Api.await("/api/v1/reports/zones/" + zone, r -> r.at("/agreements/intended/count").asInt() == 1);
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.ofTestInfrastructure().awaitRecords(
                "reporting-service.dlq", r -> brokenKey.equals(r.key()) || noZoneKey.equals(r.key()),
                list -> list.size() >= 2, Duration.ofSeconds(30));
        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(brokenKey, noZoneKey);
        assertThat(dead).allSatisfy(r -> assertThat(KafkaTestClient.header(r, "dead-letter-reason")).isNotBlank());
        // counted once the broker has the dead letter, which a reader may see a moment before
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Scrape.now().sum(DEAD_LETTERS, Map.of("topic", "agreements.v1")))
                .as("dead letters counted by the topic they came from").isGreaterThanOrEqualTo(deadLettersBefore + 2));
    }
}
