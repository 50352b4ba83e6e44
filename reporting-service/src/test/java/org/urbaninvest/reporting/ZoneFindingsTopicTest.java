package org.urbaninvest.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.urbaninvest.reporting.service.FindingsPublisher;
import org.urbaninvest.testsupport.EventSchemas;
import org.urbaninvest.testsupport.KafkaTestClient;
import org.urbaninvest.testsupport.TestInfrastructure;
import org.urbaninvest.testsupport.Tokens;

/**
 * zone-findings.v1: compacted, key = zone code, a record when a finding of the zone's own records is raised or
 * cleared, on an event or at the daily re-evaluation, with the zone's whole current set. Thresholds at their
 * defaults; the clock starts on 2024-06-01:
 *
 * <pre>
 * A intended 2023-12-04: 180 days, not stale yet; stale from 2024-06-02 (more than 180 days)
 * B intended 2023-12-01: 183 days → intention-stale since 2024-05-30, raised on its event
 * </pre>
 */
@QuarkusTest
class ZoneFindingsTopicTest {

    private static final String TOPIC = "zone-findings.v1";
    private static final String TYPE = "org.urbaninvest.report.zone-findings";

    @Inject
    FindingsPublisher publisher;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void fixTheClock() {
        // the zones other tests marked (a rebuild marks every zone) are evaluated first: start with none pending
        Awaitility.await("the zones marked before this test evaluated").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT count(*) FROM finding_change") == 0);
        TestClock.at("2024-06-01T12:00:00Z");
    }

    @Test
    void findingsAreRaisedAsDaysPassAndClearedWhenTheRecordMovesOn() throws Exception {
        String zone = TestEvents.unique("zone-findings");
        TestEvents.zone(zone, null).send();
        Api.awaitZone(zone);
        TestEvents.Agreement a = TestEvents.agreement(zone, "10", "CNY", "2023-12-04").send();
        TestEvents.Agreement b = TestEvents.agreement(zone, "10", "CNY", "2023-12-01").send();
        Api.await("/api/v1/reports/zones/" + zone, r -> r.at("/agreements/intended/count").asInt() == 2);
        String keyA = "intention-stale/agreement/" + a.id();
        String keyB = "intention-stale/agreement/" + b.id();

        // B's event raises its finding at once; A is not stale on 2024-06-01
        JsonNode first = last(awaitRecords(zone, 1));
        assertThat(Api.text(first, "/zone")).isEqualTo(zone);
        assertThat(Api.text(first, "/evaluatedOn")).isEqualTo("2024-06-01");
        assertThat(keys(first, "raised")).containsExactly(keyB);
        assertThat(keys(first, "cleared")).isEmpty();
        assertThat(keys(first, "findings")).containsExactly(keyB);
        // a finding as the findings endpoint lists it
        awaitNothingPending(zone);
        JsonNode listed = Api.json("/api/v1/reports/zones/" + zone + "/findings");
        assertThat(first.at("/findings/0")).isEqualTo(listed.at("/items/0"));
        assertThat(Api.text(first, "/findings/0/since")).isEqualTo("2024-05-30");

        // a day later, with no event: the daily re-evaluation raises A's finding, once a day whatever the instances
        TestClock.at("2024-06-02T00:10:00Z");
        assertThat(publisher.reevaluateToday()).as("the first re-evaluation of 2024-06-02").isTrue();
        assertThat(publisher.reevaluateToday()).as("a second one the same day").isFalse();
        JsonNode second = last(awaitRecords(zone, 2));
        assertThat(Api.text(second, "/evaluatedOn")).isEqualTo("2024-06-02");
        assertThat(keys(second, "raised")).containsExactly(keyA);
        assertThat(Api.text(second, "/raised/0/since")).isEqualTo("2024-06-02");
        assertThat(Api.text(second, "/raised/0/detail")).isEqualTo("intended on 2023-12-04, not signed after 181 days");
        assertThat(keys(second, "cleared")).isEmpty();
        assertThat(keys(second, "findings")).containsExactly(keyB, keyA);

        // signing B clears its finding
        b.sign("10", "CNY", "2024-06-02").send();
        JsonNode third = last(awaitRecords(zone, 3));
        assertThat(keys(third, "raised")).isEmpty();
        assertThat(keys(third, "cleared")).containsExactly(keyB);
        assertThat(keys(third, "findings")).containsExactly(keyA);

        // the next day A's finding stays (its detail counts one day more): nothing is published
        TestClock.at("2024-06-03T00:10:00Z");
        assertThat(publisher.reevaluateToday()).isTrue();
        awaitNothingPending(zone);
        // the same after a rebuild: the projections are new, the findings are the same
        rebuild();
        awaitNothingPending(zone);
        assertThat(count("SELECT count(*) FROM outbox WHERE topic = ? AND message_key = ?", TOPIC, zone))
                .as("publications of %s", zone).isEqualTo(3);
        List<ConsumerRecord<String, String>> records = awaitRecords(zone, 3);
        assertThat(records).as("records of %s", zone).hasSize(3);
        for (ConsumerRecord<String, String> record : records) {
            assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo(TYPE);
            assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(zone);
            assertThat(KafkaTestClient.header(record, "ce_source")).isEqualTo("/reporting-service");
            assertThat(EventSchemas.errors(TYPE, record.value())).as(record.value()).isEmpty();
        }
    }

    @Test
    void theTopicIsCompacted() throws Exception {
        String zone = TestEvents.unique("findings-compacted");
        TestEvents.zone(zone, null).send();
        TestEvents.agreement(zone, "10", "CNY", "2023-01-01").send();
        awaitRecords(zone, 1);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafka().bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    /** Every record of the zone so far, once there are at least {@code count}. */
    private static List<ConsumerRecord<String, String>> awaitRecords(String zone, int count) {
        return KafkaTestClient.ofTestInfrastructure().awaitRecords(TOPIC, r -> zone.equals(r.key()),
                list -> list.size() >= count, Duration.ofSeconds(30));
    }

    private static JsonNode last(List<ConsumerRecord<String, String>> records) {
        return Api.parse(records.get(records.size() - 1).value());
    }

    private static List<String> keys(JsonNode value, String list) {
        List<String> keys = new ArrayList<>();
        value.path(list).forEach(finding -> keys.add(finding.path("key").asText()));
        return keys;
    }

    /** Waits until the publisher has evaluated every mark of the zone. */
    private void awaitNothingPending(String zone) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> count("SELECT count(*) FROM finding_change WHERE zone_code = ?", zone) == 0);
    }

    private long count(String sql, String... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void rebuild() {
        given().auth().oauth2(Tokens.admin()).when().post("/api/v1/admin/rebuild").then().statusCode(202);
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String state = given().auth().oauth2(Tokens.admin()).when().get("/api/v1/admin/rebuild")
                    .then().statusCode(200).extract().path("state");
            assertThat(state).isNotEqualTo("FAILED");
            return "COMPLETED".equals(state);
        });
    }
}
