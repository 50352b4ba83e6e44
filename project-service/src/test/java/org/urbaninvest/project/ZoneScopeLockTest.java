package org.urbaninvest.project;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.urbaninvest.project.Api.PROJECTS;
import static org.urbaninvest.project.Api.viewer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.Tokens;

/**
 * The zone scope is checked in the writing transaction against the zones as last committed, with their chain locked:
 * a scoped write that meets a move of its zone still uncommitted waits for it, and then decides on the outcome.
 */
@QuarkusTest
class ZoneScopeLockTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aWriteWaitsForAMoveOutOfScopeAndIsRefusedWhenItCommits() throws Exception {
        Fixture fixture = new Fixture();
        assertEquals(403, fixture.statusChangeDuringMove(true));
        viewer().get(PROJECTS + "/" + fixture.project).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("identification"));
    }

    @Test
    void aWriteWaitsForAMoveOutOfScopeAndGoesAheadWhenItIsRolledBack() throws Exception {
        Fixture fixture = new Fixture();
        assertEquals(200, fixture.statusChangeDuringMove(false));
        viewer().get(PROJECTS + "/" + fixture.project).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("preparation"));
    }

    /** A district in the token's scope, an area beneath it with a project, and a district outside. */
    private final class Fixture {
        final String district = Api.zone(null);
        final String area = Api.zone(district);
        final String outside = Api.zone(null);
        final String project = Api.project(area, null, null, "identification");
        final String token = Tokens.scoped("editor", district);

        /** Moves the area outside in an open transaction, starts the scoped write, then commits or rolls back. */
        int statusChangeDuringMove(boolean commit) throws Exception {
            try (Connection move = dataSource.getConnection()) {
                move.setAutoCommit(false);
                try (PreparedStatement update = move.prepareStatement(
                        "UPDATE zone SET parent_code = ?, version = version + 1 WHERE code = ?")) {
                    update.setString(1, outside);
                    update.setString(2, area);
                    assertEquals(1, update.executeUpdate());
                }
                CompletableFuture<Integer> write = CompletableFuture.supplyAsync(() -> given().auth().oauth2(token)
                        .contentType(ContentType.JSON).body("{\"status\": \"preparation\"}")
                        .post(PROJECTS + "/" + project + "/status").statusCode());
                await().atMost(Duration.ofSeconds(20)).until(() -> write.isDone() || waitingForALock());
                if (commit) {
                    move.commit();
                } else {
                    move.rollback();
                }
                return write.get(20, TimeUnit.SECONDS);
            }
        }
    }

    /** True while some session waits for a row lock taken by the scope check. */
    private boolean waitingForALock() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE wait_event_type = 'Lock' AND query LIKE '%FOR SHARE%'");
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
