package org.urbaninvest.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.urbaninvest.reporting.service.ProjectionService;
import org.urbaninvest.testsupport.KafkaTestClient;

/**
 * The live consumers apply what one poll returns as one batch. These tests hand batches to the projections as a
 * consumer does, so that the batch is exactly the one under test: a record that cannot be applied is
 * dead-lettered alone and the rest of its batch is applied; a batch cut off before its commit leaves nothing
 * behind and is applied once when it runs again (as after a crash, when its offsets were not committed).
 */
@QuarkusTest
class BatchConsumptionTest {

    private static final String AGREEMENTS = "agreements.v1";
    /** Offsets far beyond the broker's, so that the dead letters of these records are recognisable. */
    private static final AtomicLong OFFSETS = new AtomicLong(1L << 40);

    @Inject
    ProjectionService projections;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRecordThatCannotBeAppliedIsDeadLetteredAloneAndTheRestOfItsBatchIsApplied() {
        String zone = TestEvents.unique("batch");
        TestEvents.zone(zone, null).send();
        Api.awaitZone(zone);

        TestEvents.Agreement first = TestEvents.agreement(zone, "100", "CNY", "2022-07-01");
        ConsumerRecord<String, String> firstIntended = record(first.id(), first.type(), first.json());
        String brokenKey = UUID.randomUUID().toString();
        ConsumerRecord<String, String> broken = record(brokenKey, "agreement.intended", "{not json");
        String unknownStageKey = UUID.randomUUID().toString();
        ConsumerRecord<String, String> unknownStage = record(unknownStageKey, "agreement.intended",
                "{\"id\":\"" + unknownStageKey + "\",\"zoneCode\":\"" + zone + "\",\"stage\":\"PROMISED\","
                        + "\"intendedAmount\":{\"amount\":\"7.00\",\"currency\":\"CNY\"},\"version\":1}");
        TestEvents.Agreement second = TestEvents.agreement(zone, "50", "CNY", "2022-07-02");
        ConsumerRecord<String, String> secondIntended = record(second.id(), second.type(), second.json());
        first.sign("80", "CNY", "2022-08-01");
        ConsumerRecord<String, String> firstSigned = record(first.id(), first.type(), first.json());

        projections.consume(List.of(firstIntended, broken, unknownStage, secondIntended, firstSigned));

        // applied and committed when consume returns (the consumer commits the offsets after that)
        JsonNode report = Api.json("/api/v1/reports/zones/" + zone);
        assertThat(report.at("/agreements/intended").toString()).isEqualTo("{\"count\":2,\"amount\":{\"CNY\":\"150.00\"}}");
        assertThat(report.at("/agreements/signed").toString()).isEqualTo("{\"count\":1,\"amount\":{\"CNY\":\"80.00\"}}");

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.ofTestInfrastructure().awaitRecords(
                "reporting-service.dlq", r -> brokenKey.equals(r.key()) || unknownStageKey.equals(r.key()),
                list -> list.size() >= 2, Duration.ofSeconds(30));
        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(brokenKey, unknownStageKey);
        assertThat(dead).allSatisfy(r -> {
            assertThat(KafkaTestClient.header(r, "dead-letter-reason")).isNotBlank();
            assertThat(KafkaTestClient.header(r, "dead-letter-topic")).isEqualTo(AGREEMENTS);
            assertThat(KafkaTestClient.header(r, "ce_type")).isEqualTo("org.urbaninvest.agreement.intended");
        });
        ConsumerRecord<String, String> deadBroken = dead.stream().filter(r -> brokenKey.equals(r.key())).findFirst()
                .orElseThrow();
        assertThat(deadBroken.value()).isEqualTo("{not json");
        assertThat(KafkaTestClient.header(deadBroken, "dead-letter-reason")).contains("JSON");
        assertThat(KafkaTestClient.header(deadBroken, "dead-letter-offset")).isEqualTo(Long.toString(broken.offset()));
        ConsumerRecord<String, String> deadStage = dead.stream().filter(r -> unknownStageKey.equals(r.key()))
                .findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(deadStage, "dead-letter-reason")).contains("PROMISED");
        assertThat(KafkaTestClient.header(deadStage, "dead-letter-partition")).isEqualTo("0");
    }

    @Test
    void aBatchCutOffBeforeItsCommitLeavesNothingAndIsAppliedOnceWhenItRunsAgain() throws Exception {
        String zone = TestEvents.unique("cut");
        TestEvents.zone(zone, null).send();
        TestEvents.agreement(zone, "100", "CNY", "2022-07-01").send();
        Api.await("/api/v1/reports/zones/" + zone, r -> r.at("/agreements/intended/count").asInt() == 1);

        TestEvents.Agreement a = TestEvents.agreement(zone, "10", "CNY", "2022-07-03");
        ConsumerRecord<String, String> aIntended = record(a.id(), a.type(), a.json());
        TestEvents.Agreement b = TestEvents.agreement(zone, "20", "CNY", "2022-07-04");
        ConsumerRecord<String, String> bIntended = record(b.id(), b.type(), b.json());
        a.sign("5", "CNY", "2022-08-01");
        ConsumerRecord<String, String> aSigned = record(a.id(), a.type(), a.json());
        List<ConsumerRecord<String, String>> batch = List.of(aIntended, bIntended, aSigned);

        CompletableFuture<Void> consumed;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            // the batch will wait for this row after claiming its events and before its commit
            try (PreparedStatement lock = blocker.prepareStatement(
                    "SELECT 1 FROM zone_agreement_totals WHERE zone_code = ? AND measure = 'intended' FOR UPDATE")) {
                lock.setString(1, zone);
                lock.executeQuery().close();
            }
            consumed = CompletableFuture.runAsync(() -> projections.consume(batch));
            int waiting = await("the batch waiting for the totals row").atMost(Duration.ofSeconds(30))
                    .until(() -> waitingBackend(blocker), pid -> pid != 0);
            try (PreparedStatement kill = blocker.prepareStatement("SELECT pg_terminate_backend(?)")) {
                kill.setInt(1, waiting);
                kill.executeQuery().close();
            }
            blocker.rollback();
        }
        consumed.get(60, TimeUnit.SECONDS); // the batch ran again, whole, on a new connection

        JsonNode report = Api.json("/api/v1/reports/zones/" + zone);
        assertThat(report.at("/agreements/intended").toString()).isEqualTo("{\"count\":3,\"amount\":{\"CNY\":\"130.00\"}}");
        assertThat(report.at("/agreements/signed").toString()).isEqualTo("{\"count\":1,\"amount\":{\"CNY\":\"5.00\"}}");

        projections.consume(batch); // redelivered, as after a crash before the offsets were committed
        assertThat(Api.json("/api/v1/reports/zones/" + zone).at("/agreements")).isEqualTo(report.at("/agreements"));
        try (Connection connection = dataSource.getConnection()) {
            assertThat(claimed(connection, a.id())).isEqualTo(2);
            assertThat(claimed(connection, b.id())).isEqualTo(1);
        }
    }

    private static ConsumerRecord<String, String> record(String key, String type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(AGREEMENTS, 0, OFFSETS.incrementAndGet(), key,
                value);
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/investment-service",
                "ce_type", "org.urbaninvest." + type, "ce_subject", key,
                "ce_time", Instant.now().truncatedTo(ChronoUnit.MICROS).toString(), "content-type", "application/json")
                .forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** The backend waiting for a lock on the totals (the batch's transaction), or 0. */
    private static int waitingBackend(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT pid FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE '%zone_agreement_totals%' AND pid <> pg_backend_pid()""");
                ResultSet rs = query.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The highest version of the agreement the active generation holds as applied, or 0. */
    private static long claimed(Connection connection, String id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT c.version FROM consumed_version c JOIN projection_generation g
                  ON c.stream = 'agreements.v1#' || g.generation AND g.status = 'ACTIVE'
                WHERE c.aggregate_key = ?""")) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
