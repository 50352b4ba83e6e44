package org.urbaninvest.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.urbaninvest.testsupport.Tokens;

/**
 * One instance relays at a time: while another session (another instance) holds the relay lock, this instance
 * publishes nothing but announces what it wrote to the relaying one (on the {@code outbox} channel, after its
 * commit); when that session's connection ends, as it does when its process dies, this instance takes the lock
 * over and publishes what is waiting within a few seconds.
 */
@QuarkusTest
class OutboxRelayLeadershipTest {

    /** The relay lock's key (OutboxRelay's advisory lock). */
    private static final long RELAY_LOCK = 0x0B0C5EEDL;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxTable table;

    @Test
    void anotherInstanceHoldingTheLockKeepsThisOneQuietUntilItsConnectionEnds() throws SQLException {
        await("this instance relays").atMost(Duration.ofSeconds(10)).until(() -> relay.leaderSince() != null);
        // a connection of its own, outside the pool, as another instance's would be
        try (Connection other = DriverManager.getConnection(config("quarkus.datasource.jdbc.url"),
                config("quarkus.datasource.username"), config("quarkus.datasource.password"))) {
            // the other instance takes the lock the moment this one's session ends (as when this one dies)
            await("the other instance holds the lock").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50)).until(() -> {
                        terminateTheRelaySession(other);
                        return tryLock(other);
                    });
            try (Statement listen = other.createStatement()) {
                listen.execute("LISTEN " + OutboxRelay.NOTIFICATION_CHANNEL);
            }
            String id = note("written while another instance relays");
            PGConnection relaying = other.unwrap(PGConnection.class);
            await("the relaying instance is told of the event").atMost(Duration.ofSeconds(5))
                    .until(() -> relaying.getNotifications(100).length > 0);
            await("nothing published by this instance").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> table.pendingFor(id) == 1);
            assertThat(relay.leaderSince()).as("this instance does not relay").isNull();

            other.close(); // the other instance dies: its session, and the lock, go with its connection
            long closed = System.nanoTime();
            await("this instance takes over and publishes").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50)).until(() -> table.pendingFor(id) == 0);
            System.out.printf("relay take-over after the lock holder's connection ended: %d ms%n",
                    (System.nanoTime() - closed) / 1_000_000);
            assertThat(relay.leaderSince()).as("this instance relays again").isNotNull();
        }
    }

    private static String config(String name) {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse(null);
    }

    private static String note(String text) {
        return given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"text\": \"" + text + "\"}").post("/api/v1/notes")
                .then().statusCode(201).extract().path("id");
    }

    private static void terminateTheRelaySession(Connection connection) throws SQLException {
        try (PreparedStatement terminate = connection.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_locks"
                + " WHERE locktype = 'advisory' AND objid::bigint = ? AND granted AND pid <> pg_backend_pid()")) {
            terminate.setLong(1, RELAY_LOCK);
            terminate.execute();
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
