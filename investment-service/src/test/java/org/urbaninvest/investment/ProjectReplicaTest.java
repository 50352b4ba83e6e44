package org.urbaninvest.investment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.urbaninvest.investment.Fixtures.asEditor;
import static org.urbaninvest.investment.Fixtures.asViewer;
import static org.urbaninvest.investment.Fixtures.intend;
import static org.urbaninvest.investment.Fixtures.investor;
import static org.urbaninvest.investment.Fixtures.unique;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.urbaninvest.investment.domain.ProjectRef;
import org.urbaninvest.investment.repository.ReplicaRepository;
import org.urbaninvest.testsupport.KafkaTestClient;
import org.urbaninvest.testsupport.Scrape;

/** The replica of projects.v1 and zones.v1, fed through real Kafka. */
@QuarkusTest
class ProjectReplicaTest {

    private static final String PROBLEM = "application/problem+json";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ReplicaRepository replicas;

    private final KafkaTestClient kafka = KafkaTestClient.ofTestInfrastructure();

    /** A project event as project-service publishes it (CloudEvents binary mode). */
    private void publishProject(String code, String zone, String status, long version) {
        String value = """
                {"code":"%s","name":"Project %s","zoneCode":"%s","programmeCode":null,"categoryCode":null,
                 "status":"%s","type":"construction","sector":"economy",
                 "estimatedInvestment":{"amount":"1000.00","currency":"CNY"},"plannedStart":null,
                 "plannedCompletion":null,"location":null,"fundingSources":[],"milestones":[],"identifiers":[],
                 "description":null,"version":%d,"createdAt":"2022-01-01T00:00:00Z",
                 "updatedAt":"2022-01-01T00:00:00Z"}""".formatted(code, code, zone, status, version);
        kafka.send("projects.v1", code, value, headers(code, version == 1 ? "registered" : "updated", "project"));
    }

    private void publishZone(String code, String parent, long version) {
        String value = """
                {"code":"%s","name":"Zone %s","kind":"DISTRICT","parentCode":%s,"areaKm2":null,"population":null,
                 "regionCode":null,"description":null,"children":[],"version":%d,
                 "createdAt":"2022-01-01T00:00:00Z","updatedAt":"2022-01-01T00:00:00Z"}"""
                .formatted(code, code, parent == null ? "null" : "\"" + parent + "\"", version);
        kafka.send("zones.v1", code, value, headers(code, version == 1 ? "registered" : "updated", "zone"));
    }

    private static Map<String, String> headers(String subject, String change, String aggregate) {
        Map<String, String> headers = new HashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_source", "/project-service");
        headers.put("ce_type", "org.urbaninvest." + aggregate + "." + change);
        headers.put("ce_subject", subject);
        headers.put("ce_time", Instant.now().toString());
        headers.put("content-type", "application/json");
        return headers;
    }

    private ProjectRef replicaOf(String code) {
        return QuarkusTransaction.requiringNew().call(() -> replicas.project(code));
    }

    private void awaitReplica(String code, long version) {
        Awaitility.await().atMost(WAIT).until(() -> {
            ProjectRef project = replicaOf(code);
            return project != null && project.version() == version;
        });
    }

    private void awaitZoneReplica(String code, long version) {
        Awaitility.await().atMost(WAIT).until(() -> {
            var zone = QuarkusTransaction.requiringNew().call(() -> replicas.zone(code));
            return zone != null && zone.version() == version;
        });
    }

    @Test
    void acceptsAnAgreementForAProjectLearnedFromTheTopic() {
        String code = unique("replicated");
        publishProject(code, "yuanping-etdz", "preparation", 1);
        awaitReplica(code, 1);

        asEditor().body(intend(code, investor(), "250.00", "2022-07-01")).post("/api/v1/agreements")
                .then().statusCode(201).body("zoneCode", equalTo("yuanping-etdz"));
        assertThat(ProjectServiceStub.callers(code)).as("served by the replica, project-service not asked").isEmpty();
    }

    @Test
    void keepsTheNewestVersionAndIgnoresDuplicatesAndStaleEvents() {
        String code = unique("versioned");
        publishProject(code, "zone-a", "identification", 1);
        publishProject(code, "zone-b", "implementation", 3);
        awaitReplica(code, 3);
        // redelivered and older versions arrive afterwards; a marker event behind them on their partition proves
        // they were consumed
        publishProject(code, "zone-c", "identification", 2);
        publishProject(code, "zone-c", "cancelled", 3);
        String marker = kafka.keyOnSamePartition("projects.v1", code, () -> unique("marker"));
        publishProject(marker, "zone-a", "preparation", 1);
        awaitReplica(marker, 1);

        assertThat(replicaOf(code)).isEqualTo(new ProjectRef(code, "zone-b", "implementation", 3));
        asEditor().body(intend(code, investor(), "10.00", "2022-07-01")).post("/api/v1/agreements")
                .then().statusCode(201).body("zoneCode", equalTo("zone-b"));
    }

    @Test
    void refusesAnAgreementForACancelledProject() {
        String code = unique("cancelled");
        publishProject(code, "zone-a", "preparation", 1);
        publishProject(code, "zone-a", "cancelled", 2);
        awaitReplica(code, 2);

        asEditor().body(intend(code, investor(), "10.00", "2022-07-01")).post("/api/v1/agreements")
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", contains("projectCode"))
                .body("errors[0].message", containsString("is cancelled"));
        asViewer().queryParam("project", code).get("/api/v1/agreements").then().body("total", equalTo(0));
    }

    @Test
    void sendsAPoisonMessageToTheDeadLettersAndGoesOn() {
        String poison = unique("poison");
        double deadLettersBefore = Scrape.now().sum("urbaninvest_dead_letters_total", Map.of("topic", "projects.v1"));
        kafka.send("projects.v1", poison, "{\"code\":\"" + poison + "\",\"version\":1}", Map.of());
        String next = unique("after-poison");
        publishProject(next, "zone-a", "preparation", 1);

        List<ConsumerRecord<String, String>> dead = kafka.awaitRecordsWithKey("investment-service.dlq", poison, 1);
        assertThat(dead.get(0).value()).contains(poison);
        assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-reason")).isNotBlank();
        awaitReplica(next, 1);
        assertThat(replicaOf(poison)).isNull();
        assertThat(Scrape.now().sum("urbaninvest_dead_letters_total", Map.of("topic", "projects.v1")))
                .as("dead letters counted by the topic they came from").isGreaterThanOrEqualTo(deadLettersBefore + 1);
    }

    @Test
    void listsAgreementsOfAZoneWithItsSubzones() {
        String root = unique("root");
        String child = unique("child");
        String grandchild = unique("grandchild");
        String other = unique("other");
        publishZone(root, null, 1);
        publishZone(child, root, 1);
        publishZone(grandchild, child, 1);
        publishZone(other, null, 1);
        // the grandchild first hung under "other", then moved under "child"; only the newer parent counts
        publishZone(grandchild, other, 1);
        publishZone(grandchild, child, 2);
        String investor = investor();
        Map<String, String> agreements = new HashMap<>();
        for (String zone : List.of(root, child, grandchild, other)) {
            String project = unique("p");
            publishProject(project, zone, "implementation", 1);
            awaitReplica(project, 1);
            agreements.put(zone, asEditor().body(intend(project, investor, "1.00", "2022-07-01"))
                    .post("/api/v1/agreements").then().statusCode(201).extract().path("id"));
        }
        // zone events of different keys may sit on different partitions: the whole tree is in the replica
        awaitZoneReplica(root, 1);
        awaitZoneReplica(child, 1);
        awaitZoneReplica(other, 1);
        awaitZoneReplica(grandchild, 2);

        asViewer().queryParam("zone", root).queryParam("includeSubzones", true).get("/api/v1/agreements")
                .then().statusCode(200).body("total", equalTo(3)).body("items.id",
                        containsInAnyOrder(agreements.get(root), agreements.get(child), agreements.get(grandchild)));
        asViewer().queryParam("zone", root).get("/api/v1/agreements")
                .then().statusCode(200).body("total", equalTo(1)).body("items.id", contains(agreements.get(root)));
        asViewer().queryParam("zone", child).queryParam("includeSubzones", "true").get("/api/v1/agreements")
                .then().statusCode(200).body("items.id",
                        containsInAnyOrder(agreements.get(child), agreements.get(grandchild)));
        asViewer().queryParam("zone", other).queryParam("includeSubzones", "true").get("/api/v1/agreements")
                .then().statusCode(200).body("items.id", contains(agreements.get(other)));
    }
}
