package org.urbaninvest.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.urbaninvest.platform.testapp.NoteCopy;
import org.urbaninvest.testsupport.KafkaTestClient;

/** The consumer side: duplicates and stale versions change nothing; poison goes to the dead letters. */
@QuarkusTest
class EventInboxTest {

    private final KafkaTestClient kafka = KafkaTestClient.ofTestInfrastructure();

    @Inject
    EntityManager entityManager;

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
