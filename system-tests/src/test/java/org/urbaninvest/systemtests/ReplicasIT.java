package org.urbaninvest.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.urbaninvest.launcher.PostgresServer;
import org.urbaninvest.launcher.ServiceProcess;
import org.urbaninvest.systemtests.support.AgreementStream;
import org.urbaninvest.systemtests.support.Api;
import org.urbaninvest.systemtests.support.Api.Call;
import org.urbaninvest.systemtests.support.EventLog;
import org.urbaninvest.systemtests.support.Figures;
import org.urbaninvest.systemtests.support.Ledger;
import org.urbaninvest.systemtests.support.Money;
import org.urbaninvest.systemtests.support.Reports;
import org.urbaninvest.systemtests.support.RunningSuite;
import org.urbaninvest.systemtests.support.RunningSuite.Service;
import org.urbaninvest.systemtests.support.SystemTest;
import org.urbaninvest.systemtests.support.Verify;
import org.urbaninvest.systemtests.support.Workload;

/**
 * Every service as two instances, under faults. A workload spread round-robin over the instances (a zone tree of
 * three levels, a programme, projects whose status moves, at least 300 agreements through every stage move,
 * amendments, withdrawals and disbursements, each write with an {@code Idempotency-Key} and sent again when its
 * answer is lost); mid-stream, {@code kill -9} of one instance of each service: for project-service and
 * investment-service the one relaying the outbox, for reporting-service one that owns partitions of the
 * topics. Afterwards: nothing exists twice, every aggregate's events are on their topic with consecutive versions
 * (repeats only as exact copies), no outbox row is left unpublished, no dead letter was written, both reporting
 * instances answer the figures the test computes from what it sent, and the last zone summary of every zone is
 * its report. The relay fail-over time (the kill of the lock holder to the first event the other instance
 * publishes) is printed and must stay under 10 s.
 */
@Order(75)
class ReplicasIT extends SystemTest {

    private static final int CHANGES = 1_400;
    private static final int AGREEMENTS = 300;
    private static final Duration FAIL_OVER_LIMIT = Duration.ofSeconds(10);
    private static final List<String> DEAD_LETTERS = List.of("reporting-service.dlq", "investment-service.dlq",
            "project-service.dlq");

    @Test
    void killingOneInstanceOfEachServiceMidStreamLosesNothingAndDoublesNothing() throws Exception {
        assertThat(suite().replicas(Service.INVESTMENT)).as("instances of each service").isEqualTo(2);
        EventLog log = new EventLog(suite());
        int deadLettersBefore = log.readAll(DEAD_LETTERS).size();

        Ledger ledger = new Ledger();
        Api spread = api().spreading();
        Workload workload = new Workload(suite(), spread, ledger);
        String root = workload.zone(Workload.uniqueCode("replicas"), null, "CITY");
        List<String> leaves = new ArrayList<>();
        for (int d = 0; d < 2; d++) {
            String district = workload.zone(Workload.uniqueCode("replicas-district"), root, "DISTRICT");
            for (int a = 0; a < 2; a++) {
                leaves.add(workload.zone(Workload.uniqueCode("replicas-area"), district, "NEW_AREA"));
            }
        }
        String category = "technological-innovation";
        String programme = workload.programme(Workload.uniqueCode("replicas-list"), root, 4, Money.cny("900.00"),
                List.of(new Ledger.Category(category, "Technological innovation", 4, Money.cny("900.00"))));
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < leaves.size(); i++) {
            boolean listed = i % 2 == 0;
            projects.add(workload.project(Workload.uniqueCode("replicas-p"), leaves.get(i), listed ? programme : null,
                    listed ? category : null, "identification", i == 3 ? Money.usd("125000.25") : Money.cny("300.00")));
        }
        String investor = workload.investor("Investor of " + root);

        AgreementStream stream = new AgreementStream(suite(), ledger).replicated()
                .start(6, n -> AgreementStream.life(n, projects.get(n % projects.size()), investor), CHANGES);
        await("a third of the stream").atMost(Duration.ofMinutes(3)).until(() -> stream.applied() >= CHANGES / 3);
        workload.projectStatus(projects.get(0), "preparation");

        int projectRelay = relayingInstance(Service.PROJECT);
        int investmentRelay = relayingInstance(Service.INVESTMENT);
        int reportingOwner = partitionOwner();
        List<ServiceProcess> killed = List.of(suite().process(Service.INVESTMENT, investmentRelay),
                suite().process(Service.PROJECT, projectRelay), suite().process(Service.REPORTING, reportingOwner));
        Map<Service, Long> killedAt = new HashMap<>();
        for (ServiceProcess instance : killed) {
            suite().launcher().faults().killService(instance.name()); // returns once the process is gone
            killedAt.put(Service.valueOf(instance.service().name()), System.currentTimeMillis());
        }
        int atKill = stream.applied();
        System.out.printf("[replicas] killed %s after %d changes%n",
                killed.stream().map(ServiceProcess::name).toList(), atKill);
        try {
            // project-service writes go on through the instance that is left, which takes over its relay
            Workload survivor = new Workload(suite(), api().on(1 - projectRelay), ledger);
            survivor.projectStatus(projects.get(1), "preparation");
            survivor.projectStatus(projects.get(2), "preparation");
            await("the other investment-service instance relays").atMost(FAIL_OVER_LIMIT)
                    .pollInterval(Duration.ofMillis(100)).until(() -> relays(Service.INVESTMENT, 1 - investmentRelay));
            await("writers go on past the kill").atMost(Duration.ofMinutes(2))
                    .until(() -> stream.applied() > atKill + 60);
        } finally {
            for (ServiceProcess instance : killed) {
                suite().launcher().faults().startService(instance.name());
            }
        }
        workload.projectStatus(projects.get(0), "implementation");
        workload.projectStatus(projects.get(3), "preparation");

        stream.join(Duration.ofMinutes(6));
        assertThat(stream.failures()).isEmpty();
        assertThat(stream.applied()).isEqualTo(CHANGES);
        assertThat(ledger.agreements()).as("agreements of the stream").hasSizeGreaterThanOrEqualTo(AGREEMENTS);
        System.out.printf("[replicas] %d agreements, %d changes; %d retries, %d writes sent again after a lost "
                + "answer%n", ledger.agreements().size(), stream.applied(), stream.retries(), stream.resent());

        // nothing twice: every agreement once under its project, each with the ledger's version and disbursements
        Verify.agreementsAreListed(suite(), ledger, projects);
        Verify.agreementsAreStored(suite(), ledger);

        await("every agreement event published").atMost(Reports.CONVERGENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> Verify.agreementEventsArePublished(suite(), ledger));
        for (int instance = 0; instance < suite().replicas(Service.REPORTING); instance++) {
            Reports reports = new Reports(suite(), instance);
            reports.awaitZones(ledger, Reports.CONVERGENCE);
            for (String zone : ledger.zones()) {
                reports.awaitZone(ledger, zone);
            }
            reports.awaitProgramme(ledger, programme);
        }

        for (String database : List.of("project", "investment", "reporting")) {
            await("no unpublished outbox row in " + database).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500)).until(() -> unpublishedOutboxRows(database) == 0);
        }
        List<ConsumerRecord<String, String>> deadLetters = log.readAll(DEAD_LETTERS);
        assertThat(deadLetters).as("dead letters written during the scenario").hasSize(deadLettersBefore);

        Set<String> keys = new HashSet<>(ledger.zones());
        keys.add(programme);
        keys.addAll(projects);
        keys.add(investor);
        ledger.agreements().forEach(agreement -> keys.add(agreement.id()));
        List<ConsumerRecord<String, String>> records = log.readAll(List.of("zones.v1", "programmes.v1",
                "projects.v1", "investors.v1", "agreements.v1"));
        versionsAreConsecutivePerKey(records, keys);

        printFailOver("investment-service", records, "agreements.v1", killedAt.get(Service.INVESTMENT));
        printFailOver("project-service", records, "projects.v1", killedAt.get(Service.PROJECT));

        await("the last zone summary of every zone is its report").atMost(Reports.CONVERGENCE)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    Map<String, JsonNode> last = new HashMap<>();
                    log.readAll("zone-summaries.v1").forEach(r -> last.put(r.key(), Api.parse(r.value())));
                    Reports reports = new Reports(suite());
                    SoftAssertions softly = new SoftAssertions();
                    for (String zone : ledger.zones()) {
                        softly.assertThat(last).as("summaries").containsKey(zone);
                        if (last.containsKey(zone)) {
                            softly.assertThat(Figures.zone(last.get(zone))).as("last summary of %s", zone)
                                    .isEqualTo(Figures.zone(reports.zone(zone, true)));
                        }
                    }
                    softly.assertAll();
                });
    }

    /**
     * The ceiling of one relay: 20,000 events of a typical size put into project-service's outbox at once (on a
     * topic of their own that nothing consumes), timed until the relaying instance has published them all.
     */
    @Test
    void oneRelayPublishesAtItsCeiling() throws Exception {
        int events = 20_000;
        PostgresServer server = suite().launcher().postgres("project");
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("project"), PostgresServer.USER,
                PostgresServer.PASSWORD); Statement insert = connection.createStatement()) {
            insert.executeUpdate("INSERT INTO outbox (event_id, topic, message_key, ce_type, ce_source, ce_time,"
                    + " payload) SELECT gen_random_uuid(), 'relay-ceiling.v1', 'key-' || (g % 1000),"
                    + " 'org.urbaninvest.measurement', '/system-tests', now(), '{\"version\": ' || g || ', \"text\": \""
                    + "x".repeat(700) + "\"}' FROM generate_series(1, " + events + ") g");
            insert.execute("NOTIFY outbox"); // as an instance that wrote events announces them to the relay
        }
        long start = System.nanoTime();
        await("the relay publishes " + events + " events").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100)).until(() -> unpublishedOutboxRows("project") == 0);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[replicas] relay ceiling: %d events in %.2f s = %.0f events/s (one relay, acks=all)%n",
                events, seconds, events / seconds);
    }

    /** Which instance of the service holds the relay lock (its readiness check says so). */
    private static int relayingInstance(Service service) {
        List<Integer> relaying = new ArrayList<>();
        await(service.id() + " has one relaying instance").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    relaying.clear();
                    for (int k = 0; k < suite().replicas(service); k++) {
                        if (relays(service, k)) {
                            relaying.add(k);
                        }
                    }
                    return relaying.size() == 1;
                });
        return relaying.get(0);
    }

    private static boolean relays(Service service, int instance) {
        JsonNode health = api().send(new Call(service, "GET", "/q/health/ready").instance(instance)).json();
        for (JsonNode check : health.path("checks")) {
            if (check.path("name").asText().equals("outbox")) {
                return check.path("data").path("relaying").asBoolean();
            }
        }
        throw new AssertionError("no outbox check in the readiness of " + service.id() + "-" + instance + ": "
                + health);
    }

    /** An instance of reporting-service that owns partitions in its consumer group (its clients carry its name). */
    private static int partitionOwner() throws Exception {
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite().kafkaBootstrapServers());
        try (Admin admin = Admin.create(settings)) {
            Map<Integer, Integer> owned = new LinkedHashMap<>();
            await("both reporting-service instances own partitions").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        owned.clear();
                        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("reporting-service"))
                                .all().get(10, TimeUnit.SECONDS).get("reporting-service");
                        for (MemberDescription member : group.members()) {
                            // client ids are <instance name>-<client>, e.g. reporting-service-1-kafka-consumer-zones
                            String instance = member.clientId().substring("reporting-service-".length()).split("-")[0];
                            owned.merge(Integer.parseInt(instance), member.assignment().topicPartitions().size(),
                                    Integer::sum);
                        }
                        return owned.size() == 2 && owned.values().stream().allMatch(n -> n > 0);
                    });
            System.out.printf("[replicas] partitions owned by reporting-service instances: %s%n", owned);
            return owned.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }
    }

    /**
     * Per topic and key, in offset order: versions 1, 2, 3 … with none missing; a version seen before may only come
     * again as an exact copy (a batch sent again after a fail-over).
     */
    private static void versionsAreConsecutivePerKey(List<ConsumerRecord<String, String>> records, Set<String> keys) {
        Map<String, Map<Long, String>> seen = new HashMap<>();
        int repeats = 0;
        SoftAssertions softly = new SoftAssertions();
        for (ConsumerRecord<String, String> record : records) {
            if (!keys.contains(record.key())) {
                continue;
            }
            String stream = record.topic() + " " + record.key();
            Map<Long, String> versions = seen.computeIfAbsent(stream, s -> new HashMap<>());
            long version = Api.parse(record.value()).path("version").asLong();
            if (versions.containsKey(version)) {
                repeats++;
                softly.assertThat(record.value()).as("%s version %d again", stream, version)
                        .isEqualTo(versions.get(version));
            } else {
                softly.assertThat(version).as("%s: the version after %d", stream, versions.size())
                        .isEqualTo(versions.size() + 1L);
                versions.put(version, record.value());
            }
        }
        softly.assertThat(seen.keySet().stream().map(s -> s.substring(s.indexOf(' ') + 1)).toList())
                .as("keys with events").containsAll(keys);
        softly.assertAll();
        System.out.printf("[replicas] %d event streams in version order, %d exact repeats%n", seen.size(), repeats);
    }

    /** The kill of the relaying instance to the first event the other instance published (broker timestamps). */
    private static void printFailOver(String service, List<ConsumerRecord<String, String>> records, String topic,
            long killedAt) {
        long first = records.stream().filter(r -> r.topic().equals(topic) && r.timestamp() >= killedAt)
                .mapToLong(ConsumerRecord::timestamp).min()
                .orElseThrow(() -> new AssertionError("no event on " + topic + " after the kill"));
        Duration failOver = Duration.ofMillis(first - killedAt);
        System.out.printf("[replicas] relay fail-over of %s: %d ms (kill -9 of the lock holder to the first event "
                + "published by the other instance)%n", service, failOver.toMillis());
        assertThat(failOver).as("relay fail-over of %s", service).isLessThan(FAIL_OVER_LIMIT);
    }

    private static long unpublishedOutboxRows(String database) throws SQLException {
        PostgresServer server = suite().launcher().postgres(database);
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(database), PostgresServer.USER,
                PostgresServer.PASSWORD);
                Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery("SELECT count(*) FROM outbox WHERE published_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
