package org.urbaninvest.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.urbaninvest.platform.events.DeadLetters;
import org.urbaninvest.platform.events.EventEnvelope;
import org.urbaninvest.platform.events.IncomingEvent;
import org.urbaninvest.platform.tracing.EventTracing;
import org.urbaninvest.platform.tracing.TraceContext;
import org.urbaninvest.platform.events.PoisonEventException;
import org.urbaninvest.platform.testapp.NoteCopier;
import org.urbaninvest.platform.testapp.NoteCopy;
import org.urbaninvest.testsupport.KafkaTestClient;

/** The consumer side: duplicates and stale versions change nothing; poison goes to the dead letters. */
@QuarkusTest
class EventInboxTest {

    private final KafkaTestClient kafka = KafkaTestClient.ofTestInfrastructure();

    @Inject
    EntityManager entityManager;

    @Inject
    EventInbox inbox;

    @Inject
    ObjectMapper json;

    @Inject
    EventTracing tracing;

    @Inject
    DeadLetters deadLetters;

    @Test
    void aDuplicateIsAppliedOnceAndAnOlderVersionAfterANewerOneIsIgnored() {
        String key = UUID.randomUUID().toString();
        send(key, 1, "first");
        send(key, 1, "first");
        send(key, 3, "third");
        send(key, 2, "second, arriving late");
        send(key, 4, "fourth"); // same partition: once it is applied, everything before it was processed

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> copy(key) != null && copy(key).version == 4);

        NoteCopy copy = copy(key);
        assertThat(copy.text).isEqualTo("fourth");
        assertThat(copy.appliedCount).isEqualTo(3); // v1, v3, v4
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        String key = UUID.randomUUID().toString();
        kafka.send("notes.v1", key, "{\"text\": \"corrupt", headers(key));
        send(key, 1, "after the poison");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> copy(key) != null);
        assertThat(copy(key).text).isEqualTo("after the poison");
        var dead = kafka.awaitRecordsWithKey("platform-test.dlq", key, 1).get(0);
        assertThat(dead.value()).isEqualTo("{\"text\": \"corrupt");
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("JSON");
        assertThat(KafkaTestClient.header(dead, "dead-letter-topic")).isEqualTo("notes.v1");
    }

    @Test
    void aBatchAppliesEachNewEventOnceInOneTransaction() {
        String stream = "batch-" + UUID.randomUUID();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        List<IncomingEvent> batch = List.of(event(a, 1, "a1"), event(a, 1, "a1 again"), event(b, 2, "b2"),
                event(b, 1, "b1, late"), event(a, 2, "a2"));

        EventInbox.BatchResult result = inbox.applyAll(batch, stream, copyNotes());

        assertThat(result.applied()).extracting(e -> e.text("text")).containsExactly("a1", "b2", "a2");
        assertThat(result.failed()).isEmpty();
        assertThat(copy(a).text).isEqualTo("a2");
        assertThat(copy(a).appliedCount).isEqualTo(2);
        assertThat(copy(b).text).isEqualTo("b2");
        assertThat(copy(b).appliedCount).isEqualTo(1);
    }

    @Test
    void anEventWhoseEffectFailsIsReportedAloneAndTheRestOfItsBatchIsApplied() {
        String stream = "batch-" + UUID.randomUUID();
        String a = UUID.randomUUID().toString();
        String bad = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        inbox.applyAll(List.of(event(a, 1, "a1")), stream, copyNotes());
        IncomingEvent poison = event(bad, 1, "poison");
        List<IncomingEvent> batch = List.of(event(a, 1, "a1 again"), event(c, 1, "c1"), poison, event(a, 2, "a2"));

        EventInbox.BatchResult result = inbox.applyAll(batch, stream, copyNotes());

        assertThat(result.applied()).extracting(e -> e.text("text")).containsExactly("c1", "a2");
        assertThat(result.failed()).singleElement().satisfies(failure -> {
            assertThat(failure.event()).isSameAs(poison);
            assertThat(failure.error()).isInstanceOf(PoisonEventException.class);
        });
        assertThat(copy(a).appliedCount).isEqualTo(2); // a1 once, then a2
        assertThat(copy(c).appliedCount).isEqualTo(1);
        assertThat(copy(bad)).isNull();
        // the failed event was not claimed: once it can be applied, it is
        assertThat(inbox.applyAll(List.of(event(bad, 1, "mended")), stream, copyNotes()).applied()).hasSize(1);
    }

    @Test
    void aRecordThatFailsWhileTheServiceStopsIsThrownAndNotDeadLettered() {
        String key = UUID.randomUUID().toString();
        Consumer<IncomingEvent> failing = event -> {
            throw new IllegalStateException("EntityManagerFactory is closed");
        };
        EventInbox stopping = unmanagedInbox();
        stopping.stop(null);
        assertThatThrownBy(() -> stopping.apply(record(key, 1, "while stopping"), "stopping-" + key, failing))
                .hasMessageContaining("closed");
        // the same failure while running: dead-lettered (after the first would have been, on the same partition)
        assertThat(unmanagedInbox().apply(record(key, 2, "while running"), "stopping-" + key, failing)).isFalse();

        List<String> dead = kafka.awaitRecords("platform-test.dlq", r -> key.equals(r.key()),
                records -> records.stream().anyMatch(r -> r.value().contains("while running")), Duration.ofSeconds(30))
                .stream().map(r -> r.value()).toList();
        assertThat(dead).noneMatch(value -> value.contains("while stopping")).hasSize(1);
    }

    /** An inbox of its own, with the application's collaborators, whose stop does not touch the application's. */
    private EventInbox unmanagedInbox() {
        EventInbox own = new EventInbox();
        own.entityManager = entityManager;
        own.json = json;
        own.tracing = tracing;
        own.deadLetters = deadLetters;
        return own;
    }

    private static ConsumerRecord<String, String> record(String key, long version, String text) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("notes.v1", 0, 0, key,
                "{\"id\": \"" + key + "\", \"text\": \"" + text + "\", \"version\": " + version + "}");
        headers(key).forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** Copies each note, counting the applications; refuses a note saying "poison". */
    private static Consumer<List<IncomingEvent>> copyNotes() {
        return events -> events.forEach(event -> {
            if (event.text("text").equals("poison")) {
                throw new PoisonEventException("a poison note");
            }
            NoteCopier.copy(event);
        });
    }

    private IncomingEvent event(String key, long version, String text) {
        return new IncomingEvent(new EventEnvelope(UUID.randomUUID(), "/test", "org.urbaninvest.note.updated", key,
                Instant.now(), null), key, version,
                json.createObjectNode().put("id", key).put("text", text).put("version", version), "notes.v1", 0, 0,
                TraceContext.NONE);
    }

    private void send(String key, long version, String text) {
        kafka.send("notes.v1", key, "{\"id\": \"" + key + "\", \"text\": \"" + text + "\", \"version\": " + version + "}",
                headers(key));
    }

    private static Map<String, String> headers(String key) {
        return Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/test",
                "ce_type", "org.urbaninvest.note.updated", "ce_subject", key, "ce_time", Instant.now().toString(),
                "content-type", "application/json");
    }

    private NoteCopy copy(String key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            NoteCopy copy = entityManager.find(NoteCopy.class, key);
            if (copy != null) {
                entityManager.detach(copy);
            }
            return copy;
        });
    }
}
