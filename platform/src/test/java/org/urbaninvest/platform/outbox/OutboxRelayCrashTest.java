package org.urbaninvest.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.urbaninvest.platform.events.CloudEvents;
import org.urbaninvest.testsupport.KafkaTestClient;
import org.urbaninvest.testsupport.Tokens;

/** A relay that dies after sending a batch but before marking it sent loses nothing: the batch goes again. */
@QuarkusTest
@TestProfile(ManualRelayProfile.class)
class OutboxRelayCrashTest {

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxTable table;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCrashBetweenSendAndMarkRedeliversInsteadOfLosing() throws Exception {
        String id = given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"text\": \"sent twice, lost never\"}").post("/api/v1/notes")
                .then().statusCode(201).extract().path("id");
        String eventId = table.eventIdFor(id);
        assertThat(table.pendingFor(id)).isEqualTo(1);

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            assertThat(relay.relayBatch(connection)).isPositive();
            connection.rollback(); // the process dies here: the send happened, the mark did not
        }
        assertThat(table.pendingFor(id)).isEqualTo(1);

        relay.drain();

        assertThat(table.pendingFor(id)).isZero();
        List<ConsumerRecord<String, String>> records = KafkaTestClient.ofTestInfrastructure().awaitRecords("notes.v1",
                r -> id.equals(r.key()), found -> found.size() >= 2, Duration.ofSeconds(30));
        assertThat(records).extracting(r -> KafkaTestClient.header(r, CloudEvents.ID)).containsOnly(eventId);
    }
}
