package org.urbaninvest.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.urbaninvest.project.Api.PLANS;
import static org.urbaninvest.project.Api.PROGRAMMES;
import static org.urbaninvest.project.Api.PROJECTS;
import static org.urbaninvest.project.Api.ZONES;
import static org.urbaninvest.project.Api.editor;
import static org.urbaninvest.project.Api.viewer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.EventSchemas;
import org.urbaninvest.testsupport.KafkaTestClient;

/**
 * Drives every kind of change over REST, reads the events the relay put on Kafka, and checks each against its
 * JSON Schema, its key and CloudEvents headers, and that its value is the GET representation of that version.
 */
@QuarkusTest
class EventSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaTestClient kafka = KafkaTestClient.ofTestInfrastructure();

    @Test
    void zoneEvents() throws Exception {
        String code = Api.zone(null);
        editor().header("If-Match", "\"1\"").body(Api.zoneJson(code, null).replace("Zone " + code, "Renamed"))
                .put(ZONES + "/" + code).then().statusCode(200);
        List<ConsumerRecord<String, String>> events = kafka.awaitRecordsWithKey("zones.v1", code, 2);
        check(events, "org.urbaninvest.zone.registered", "org.urbaninvest.zone.updated");
        assertSameAsGet(events.get(1), ZONES + "/" + code);
    }

    @Test
    void programmeEvents() throws Exception {
        String zone = Api.zone(null);
        String code = Api.programme(zone, "cat-a");
        editor().header("If-Match", "\"1\"").body(Api.programmeJson(code, zone, "cat-a", "cat-b"))
                .put(PROGRAMMES + "/" + code).then().statusCode(200);
        List<ConsumerRecord<String, String>> events = kafka.awaitRecordsWithKey("programmes.v1", code, 2);
        check(events, "org.urbaninvest.programme.published", "org.urbaninvest.programme.updated");
        assertSameAsGet(events.get(1), PROGRAMMES + "/" + code);
    }

    @Test
    void projectEvents() throws Exception {
        String zone = Api.zone(null);
        String programme = Api.programme(zone, "cat-a");
        String code = Api.project(zone, programme, "cat-a", "identification");
        editor().header("If-Match", "\"1\"")
                .body(Api.projectJson(code, zone, programme, "cat-a", "identification").replace("Project " + code, "R"))
                .put(PROJECTS + "/" + code).then().statusCode(200);
        editor().body("{\"status\": \"preparation\"}").post(PROJECTS + "/" + code + "/status").then().statusCode(200);
        String imported = Api.unique("im");
        ProjectImportTest.importing(ProjectImportTest.HEADER + imported + ",Imported," + zone
                + ",,,identification,,1,CNY,,\n" + code + ",Renamed by import," + zone + "," + programme
                + ",cat-a,preparation,,1250000.50,CNY,2021-03-01,2022-08-20\n").then().statusCode(200);

        List<ConsumerRecord<String, String>> events = kafka.awaitRecordsWithKey("projects.v1", code, 4);
        check(events, "org.urbaninvest.project.registered", "org.urbaninvest.project.updated",
                "org.urbaninvest.project.status-changed", "org.urbaninvest.project.updated");
        assertSameAsGet(events.get(3), PROJECTS + "/" + code);
        List<ConsumerRecord<String, String>> importedEvents = kafka.awaitRecordsWithKey("projects.v1", imported, 1);
        check(importedEvents, "org.urbaninvest.project.registered");
        assertSameAsGet(importedEvents.get(0), PROJECTS + "/" + imported);
    }

    @Test
    void planEvents() throws Exception {
        String zone = Api.zone(null);
        String code = Api.plan(zone);
        editor().header("If-Match", "\"1\"").body(Api.planJson(code, zone).replace("Plan " + code, "Renamed"))
                .put(PLANS + "/" + code).then().statusCode(200);
        editor().body("""
                {"indicatorCode": "population", "observations": [{"date": "2023-12-31", "value": "12150000",
                 "source": null}]}""").post(PLANS + "/" + code + "/observations").then().statusCode(200);
        List<ConsumerRecord<String, String>> events = kafka.awaitRecordsWithKey("plans.v1", code, 3);
        check(events, "org.urbaninvest.plan.published", "org.urbaninvest.plan.updated",
                "org.urbaninvest.plan.observation-recorded");
        assertSameAsGet(events.get(2), PLANS + "/" + code);
    }

    @Test
    void schemasRejectWhatIsNotASnapshot() {
        assertThat(EventSchemas.errors("org.urbaninvest.project.registered", "{\"code\": \"x\"}")).isNotEmpty();
        assertThat(EventSchemas.errors("org.urbaninvest.zone.updated", "{\"code\": \"Bad Code\"}")).isNotEmpty();
        assertThat(EventSchemas.errors("org.urbaninvest.programme.published", "[]")).isNotEmpty();
        String request = Api.planJson("a-plan", "a-zone");
        String plan = request.substring(0, request.lastIndexOf('}')) + ", \"version\": 1,"
                + " \"createdAt\": \"2026-12-03T09:00:00Z\", \"updatedAt\": \"2026-12-03T09:00:00Z\"}";
        assertThat(EventSchemas.errors("org.urbaninvest.plan.updated", plan)).isEmpty();
        assertThat(EventSchemas.errors("org.urbaninvest.plan.updated", plan.replace("\"persons\"", "\"people\"")))
                .isNotEmpty();
        assertThat(EventSchemas.errors("org.urbaninvest.plan.published", plan.replace("\"700000000000\"", "7e11")))
                .isNotEmpty();
    }

    private static void check(List<ConsumerRecord<String, String>> events, String... types) throws Exception {
        assertThat(events).hasSize(types.length);
        for (int i = 0; i < types.length; i++) {
            ConsumerRecord<String, String> event = events.get(i);
            assertThat(KafkaTestClient.header(event, "ce_type")).isEqualTo(types[i]);
            assertThat(EventSchemas.errors(types[i], event.value())).as(types[i] + " " + event.value()).isEmpty();
            assertThat(KafkaTestClient.header(event, "ce_specversion")).isEqualTo("1.0");
            assertThat(UUID.fromString(KafkaTestClient.header(event, "ce_id"))).isNotNull();
            assertThat(KafkaTestClient.header(event, "ce_source")).isEqualTo("/project-service");
            assertThat(KafkaTestClient.header(event, "ce_subject")).isEqualTo(event.key());
            assertThat(Instant.parse(KafkaTestClient.header(event, "ce_time"))).isNotNull();
            assertThat(KafkaTestClient.header(event, "content-type")).isEqualTo("application/json");
            JsonNode value = JSON.readTree(event.value());
            assertThat(value.get("code").asText()).isEqualTo(event.key());
            assertThat(value.get("version").asLong()).isEqualTo(i + 1L);
        }
    }

    private static void assertSameAsGet(ConsumerRecord<String, String> event, String path) throws Exception {
        String current = viewer().get(path).then().statusCode(200).extract().asString();
        assertThat(JSON.readTree(event.value())).isEqualTo(JSON.readTree(current));
    }
}
