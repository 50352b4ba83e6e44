package org.urbaninvest.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.urbaninvest.launcher.ServiceProcess;
import org.urbaninvest.systemtests.support.AgreementStream;
import org.urbaninvest.systemtests.support.Api.Call;
import org.urbaninvest.systemtests.support.Api.Reply;
import org.urbaninvest.systemtests.support.Ledger;
import org.urbaninvest.systemtests.support.Money;
import org.urbaninvest.systemtests.support.Reports;
import org.urbaninvest.systemtests.support.RunningSuite.Service;
import org.urbaninvest.systemtests.support.Site;
import org.urbaninvest.systemtests.support.SystemTest;
import org.urbaninvest.systemtests.support.Verify;
import org.urbaninvest.systemtests.support.Workload;

/**
 * The Kafka broker stopped for 30 s while writes continue on both writing services: every write succeeds (the
 * outboxes keep the events), the reports keep answering, and once the broker is back every event arrives and the
 * reports end exactly right — including a project registered during the outage and an agreement on it, which
 * investment-service can only accept by asking project-service directly.
 */
@Order(80)
class BrokerOutageIT extends SystemTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    void writesSucceedWhileTheBrokerIsDownAndEverythingArrivesAfterwards() {
        Ledger ledger = new Ledger();
        Workload workload = new Workload(suite(), ledger);
        Site site = Site.create(workload, "broker-outage");
        Reports reports = new Reports(suite());
        reports.awaitZone(ledger, site.zone());

        suite().launcher().faults().stopBroker();
        try {
            writeDuringTheOutage(ledger, workload, site, reports);
        } finally {
            suite().launcher().faults().startBroker();
        }
        Verify.agreementsAreStored(suite(), ledger);
        await("every event published").atMost(Reports.CONVERGENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> Verify.agreementEventsArePublished(suite(), ledger));
        reports.awaitZone(ledger, site.zone(), Duration.ofMinutes(3));
        assertThat(suite().process(Service.REPORTING).isAlive()).isTrue();
        // a broker outage is waited out: no instance reports itself dead (Kubernetes would restart it)
        for (Service service : Service.values()) {
            for (int k = 0; k < suite().replicas(service); k++) {
                Reply live = api().send(new Call(service, "GET", "/q/health/live").instance(k));
                assertThat(live.status()).as("%s-%d alive after the outage: %s", service.id(), k, live).isEqualTo(200);
            }
        }
    }

    private void writeDuringTheOutage(Ledger ledger, Workload workload, Site site, Reports reports) {
        long stoppedAt = System.nanoTime();
        Map<String, Duration> cpuBefore = cpuByInstance();
        AgreementStream stream = new AgreementStream(suite(), ledger).start(4, site::plan, 100_000);
        int projects = 0;
        String late;
        try {
            String lastProject = null;
            while (System.nanoTime() - stoppedAt < OUTAGE.toNanos()) {
                lastProject = workload.project(Workload.uniqueCode("broker-outage-p"), site.east(), null, null,
                        "identification", Money.cny("1234.56"));
                projects++;
                assertThat(reports.zone(site.zone(), true).path("zone").asText()).as("reports answer meanwhile")
                        .isEqualTo(site.zone());
            }
            printCpuSince(cpuBefore, System.nanoTime() - stoppedAt);
            // a project the replica cannot have seen: investment-service asks project-service
            late = workload.intend(lastProject, site.investor(), Money.cny("777.77"), LocalDate.parse("2022-05-05"));
        } finally {
            stream.stop(); // also when this test fails: its writers must not go on under the next tests
            stream.join(Duration.ofMinutes(2));
        }
        assertThat(stream.failures()).as("writes while the broker is down").isEmpty();
        assertThat(stream.unavailable()).as("no write was refused as unavailable; the first: %s",
                stream.firstUnavailable()).isZero();
        System.out.printf("[broker] %d agreement changes and %d projects written during the outage (%d sent again"
                + " after the client's own timeout)%n", stream.applied(), projects, stream.retries());
        assertThat(ledger.agreement(late).stage()).isEqualTo("INTENDED");
    }

    /** The CPU time each service instance has used so far (all its threads). */
    private static Map<String, Duration> cpuByInstance() {
        Map<String, Duration> cpu = new TreeMap<>();
        for (ServiceProcess process : suite().launcher().instances()) {
            process.handle().info().totalCpuDuration().ifPresent(used -> cpu.put(process.name(), used));
        }
        return cpu;
    }

    /**
     * Prints the share of a core each instance used while the broker was down: the writes it served and what its
     * Kafka clients spent waiting for the broker (a client that spins shows here, and starves the requests).
     */
    private static void printCpuSince(Map<String, Duration> before, long elapsedNanos) {
        StringBuilder line = new StringBuilder("[broker] CPU per instance during the outage, in cores:");
        cpuByInstance().forEach((name, used) -> {
            Duration start = before.get(name);
            if (start != null) {
                line.append(String.format(" %s %.2f", name, (double) used.minus(start).toNanos() / elapsedNanos));
            }
        });
        System.out.println(line);
    }
}
