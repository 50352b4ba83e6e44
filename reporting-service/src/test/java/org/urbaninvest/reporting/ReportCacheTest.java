package org.urbaninvest.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.urbaninvest.reporting.repository.ReportCache;
import org.urbaninvest.reporting.service.ReportService.ZoneReportKey;

/**
 * A zone report is served from memory until something it reads changes: a change this instance projects drops it
 * at once, a change committed by any other session (another instance) through PostgreSQL's notification.
 */
@QuarkusTest
class ReportCacheTest {

    @Inject
    ReportCache cache;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aZoneReportIsHeldUntilAChangeIsCommittedByAnyInstance() throws Exception {
        String z = TestEvents.unique("cached");
        String path = "/api/v1/reports/zones/" + z;
        ZoneReportKey key = new ZoneReportKey(z, true);
        TestEvents.zone(z, null).send();
        Api.awaitZone(z);
        TestEvents.agreement(z, "100", "CNY", "2022-07-05").send();
        Api.awaitAsserted(path, r -> assertThat(r.at("/agreements/intended/count").asLong()).isEqualTo(1));
        Api.json(path);
        assertThat(cache.holds(key)).as("held after it was read").isTrue();
        assertThat(cache.holds(new ZoneReportKey(z, false))).as("each variant is held on its own").isFalse();
        assertThat(Api.json(path + "?asOf=2022-07-05").at("/agreements/intended/count").asLong())
                .as("reports as of a day are read, not held").isEqualTo(1);

        // projected here: dropped, and the next read has the new figures
        TestEvents.agreement(z, "50", "CNY", "2022-07-06").send();
        Api.awaitAsserted(path, r -> assertThat(r.at("/agreements/intended/count").asLong()).isEqualTo(2));
        Api.json(path);
        assertThat(cache.holds(key)).isTrue();

        // committed by another session, as another instance's projection would: heard through PostgreSQL
        try (Connection connection = dataSource.getConnection();
                PreparedStatement change = connection.prepareStatement("""
                        UPDATE zone_agreement_totals SET count = count + 40 WHERE zone_code = ? AND measure = 'intended'
                        AND generation = (SELECT generation FROM projection_generation WHERE status = 'ACTIVE')""")) {
            change.setString(1, z);
            assertThat(change.executeUpdate()).isEqualTo(1);
        }
        await("the other session's change dropped the held report").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50)).until(() -> !cache.holds(key));
        JsonNode read = Api.json(path);
        assertThat(read.at("/agreements/intended/count").asLong()).isEqualTo(42);
        assertThat(cache.holds(key)).isTrue();
        Response held = Api.get(path);
        assertThat(held.contentType()).as("a held report is answered as JSON").startsWith("application/json");
        assertThat(Api.parse(held.asString())).as("a held report answers what was read").isEqualTo(read);
    }
}
