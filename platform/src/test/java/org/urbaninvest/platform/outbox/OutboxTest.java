package org.urbaninvest.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.urbaninvest.platform.events.CloudEvents;
import org.urbaninvest.testsupport.KafkaTestClient;
import org.urbaninvest.testsupport.TestInfrastructure;
import org.urbaninvest.testsupport.Tokens;

@QuarkusTest
class OutboxTest {

    private final KafkaTestClient kafka = KafkaTestClient.ofTestInfrastructure();
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    OutboxTable table;

    @Test
    void aCommittedWriteReachesKafkaWithKeyHeadersAndSnapshot() throws Exception {
        String id = createNote("hello");

        ConsumerRecord<String, String> record = kafka.awaitRecordsWithKey("notes.v1", id, 1).get(0);

        assertThat(record.key()).isEqualTo(id);
        assertThat(header(record, CloudEvents.SPECVERSION)).isEqualTo("1.0");
        assertThat(UUID.fromString(header(record, CloudEvents.ID))).isNotNull();
        assertThat(header(record, CloudEvents.SOURCE)).isEqualTo("/platform-test");
        assertThat(header(record, CloudEvents.TYPE)).isEqualTo("org.urbaninvest.note.registered");
        assertThat(header(record, CloudEvents.SUBJECT)).isEqualTo(id);
        assertThat(Instant.parse(header(record, CloudEvents.TIME))).isBefore(Instant.now().plusSeconds(1));
        assertThat(header(record, CloudEvents.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(header(record, CloudEvents.DATASCHEMA))
                .isEqualTo("http://platform-test:8080/api/v1/schemas/events/note.registered");
        // tracing is off by default: no trace context is stored or sent
        assertThat(record.headers().lastHeader(CloudEvents.W3C_TRACEPARENT)).isNull();
        assertThat(record.headers().lastHeader(CloudEvents.TRACEPARENT)).isNull();
        assertThat(table.traceFor(id).isPresent()).isFalse();
        JsonNode snapshot = json.readTree(record.value());
        assertThat(snapshot.get("text").asText()).isEqualTo("hello");
        assertThat(snapshot.get("version").asLong()).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> table.pendingFor(id) == 0);
    }

    @Test
    void anAggregatesEventsArriveInVersionOrder() {
        String id = createNote("v1");
        for (int version = 1; version <= 5; version++) {
            given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                    .body("{\"text\": \"v" + (version + 1) + "\"}").put("/api/v1/notes/" + id)
                    .then().statusCode(200);
        }

        List<ConsumerRecord<String, String>> records = kafka.awaitRecordsWithKey("notes.v1", id, 6);

        assertThat(records).extracting(r -> version(r.value())).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void aWriteSucceedsWhileTheBrokerIsDownAndItsEventFollowsWhenItIsBack() {
        var broker = TestInfrastructure.get().kafka();
        broker.close();
        String id;
        try {
            id = createNote("written while Kafka is down");
            assertThat(table.pendingFor(id)).isEqualTo(1);
        } finally {
            broker.start(Duration.ofSeconds(90));
        }

        ConsumerRecord<String, String> record = kafka.awaitRecordsWithKey("notes.v1", id, 1).get(0);

        assertThat(record.value()).contains("written while Kafka is down");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> table.pendingFor(id) == 0);
    }

    private static String createNote(String text) {
        return given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"text\": \"" + text + "\"}").post("/api/v1/notes")
                .then().statusCode(201).extract().path("id");
    }

    private long version(String value) {
        try {
            return json.readTree(value).get("version").asLong();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return KafkaTestClient.header(record, name);
    }
}
