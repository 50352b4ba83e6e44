package org.urbaninvest.platform.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.urbaninvest.platform.events.CloudEvents;
import org.urbaninvest.platform.outbox.OutboxTable;
import org.urbaninvest.testsupport.KafkaTestClient;
import org.urbaninvest.testsupport.Tokens;

/** With tracing on (as always: only sampling differs), a write's trace goes from the request to the outbox row, the relay's publish and the consumer. */
@QuarkusTest
class EventTracingTest {

    private final KafkaTestClient kafka = KafkaTestClient.ofTestInfrastructure();

    @Inject
    OutboxTable table;

    @Inject
    EventTracing tracing;

    @Test
    void theOutboxRowKeepsTheRequestsSpanAndTheRelayPublishesInAChildOfIt() {
        String traceId = hex(16);
        String callerSpan = hex(8);
        String id = given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body("{\"text\": \"traced\"}").post("/api/v1/notes")
                .then().statusCode(201).extract().path("id");

        TraceContext stored = table.traceFor(id);
        // the request's server span: the caller's trace, a span of its own
        assertThat(stored.traceparent()).matches("00-" + traceId + "-[0-9a-f]{16}-0[01]");
        assertThat(spanId(stored.traceparent())).isNotEqualTo(callerSpan);

        ConsumerRecord<String, String> record = kafka.awaitRecordsWithKey("notes.v1", id, 1).get(0);
        String sent = KafkaTestClient.header(record, CloudEvents.W3C_TRACEPARENT);
        // the relay's publish: same trace, a span of its own (the child of the stored one)
        assertThat(sent).matches("00-" + traceId + "-[0-9a-f]{16}-0[01]");
        assertThat(spanId(sent)).isNotEqualTo(spanId(stored.traceparent())).isNotEqualTo(callerSpan);
        assertThat(KafkaTestClient.header(record, CloudEvents.TRACEPARENT)).isEqualTo(sent);
    }

    @Test
    void aConsumerSpanContinuesTheTraceOfTheCloudEventsTracingHeaderAlone() {
        String traceId = hex(16);
        String publishSpan = hex(8);
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEvents.TRACEPARENT,
                ("00-" + traceId + "-" + publishSpan + "-01").getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, String> record = new ConsumerRecord<>("notes.v1", 0, 7L, 0L, TimestampType.CREATE_TIME,
                0, 0, "key", "{}", headers, java.util.Optional.empty());

        Span span = tracing.startConsume(record);
        try {
            assertThat(span.getSpanContext().getTraceId()).isEqualTo(traceId);
            assertThat(span.getSpanContext().getSpanId()).isNotEqualTo(publishSpan);
            assertThat(tracing.of(span).traceparent()).startsWith("00-" + traceId + "-");
        } finally {
            span.end();
        }
    }

    @Test
    void aRecordWithoutTraceHeadersStartsANewTrace() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("notes.v1", 0, 8L, "key", "{}");

        Span span = tracing.startConsume(record);
        try {
            assertThat(span.getSpanContext().isValid()).isTrue();
            assertThat(span.getSpanContext().isRemote()).isFalse();
        } finally {
            span.end();
        }
    }

    private static String spanId(String traceparent) {
        return traceparent.split("-")[2];
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(random);
    }
}
