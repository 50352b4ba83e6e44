package org.urbaninvest.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.urbaninvest.systemtests.load.LoadGenerator;
import org.urbaninvest.systemtests.support.AgreementStream;
import org.urbaninvest.systemtests.support.Api;
import org.urbaninvest.systemtests.support.Ledger;
import org.urbaninvest.systemtests.support.Money;
import org.urbaninvest.systemtests.support.Reports;
import org.urbaninvest.systemtests.support.RunningSuite.Service;
import org.urbaninvest.systemtests.support.Site;
import org.urbaninvest.systemtests.support.SystemTest;
import org.urbaninvest.systemtests.support.Verify;
import org.urbaninvest.systemtests.support.Workload;

/**
 * A bounded load from a separate process on loopback ({@link LoadGenerator}, its own JVM): 50 concurrent clients
 * mixing writes and reads, 20 s in {@code mvn verify}, 60 s with {@code -Durbaninvest.load.seconds=60}. No 5xx,
 * no transport error, every accepted write stored afterwards, and the reports converge to the figures of
 * everything accepted. Throughput, latency and event lag are printed and kept in
 * {@code target/load-result.json} (docs/benchmarks.md records a run).
 */
@Order(50)
class LoadIT extends SystemTest {

    private static final int CLIENTS = Integer.getInteger("urbaninvest.load.clients", 50);
    private static final int SECONDS = Integer.getInteger("urbaninvest.load.seconds", 20);

    @Test
    void fiftyClientsMixingWritesAndReadsLoseNothing() throws IOException, InterruptedException {
        Ledger ledger = new Ledger();
        Workload workload = new Workload(suite(), ledger);
        Site site = Site.create(workload, "load");
        String probeZone = workload.zone(Workload.uniqueCode("load-probe"), null, "OTHER");
        String probeProject = workload.project(Workload.uniqueCode("load-probe-p"), probeZone, null, null,
                "preparation", Money.cny("1.00"));
        Reports reports = new Reports(suite());
        reports.awaitZone(ledger, probeZone);
        // the clients read the site's report from their first request on, and every answer must be a 2xx
        reports.awaitZone(ledger, site.zone());
        // the replica of investment-service has both projects before the clients start
        workload.intend(site.eastProject(), site.investor(), Money.cny("1.00"), LocalDate.parse("2022-01-01"));
        workload.intend(site.westProject(), site.investor(), Money.usd("1.00"), LocalDate.parse("2022-01-01"));

        Path out = Path.of(System.getProperty("java.io.tmpdir")).resolveSibling("load-result.json").toAbsolutePath();
        Files.deleteIfExists(out);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:+UseSerialGC", "-cp", classpath(), LoadGenerator.class.getName(),
                "--project", suite().url(Service.PROJECT), "--investment", suite().url(Service.INVESTMENT),
                "--reporting", suite().url(Service.REPORTING), "--editor", tokens().editor(),
                "--viewer", tokens().viewer(), "--clients", Integer.toString(CLIENTS),
                "--seconds", Integer.toString(SECONDS), "--zone", site.zone(),
                "--east-project", site.eastProject(), "--west-project", site.westProject(),
                "--investor", site.investor(), "--probe-zone", probeZone, "--probe-project", probeProject,
                "--out", out.toString()));
        Process generator = new ProcessBuilder(command).inheritIO().start();
        boolean finished = generator.waitFor(SECONDS + 180, TimeUnit.SECONDS);
        if (!finished) {
            generator.destroyForcibly();
        }
        assertThat(finished).as("the load generator ends").isTrue();
        assertThat(generator.exitValue()).as("load generator exit code").isZero();

        JsonNode result = Api.JSON.readTree(out.toFile());
        System.out.println("[load] " + summary(result));
        result.path("statuses").fieldNames().forEachRemaining(status -> assertThat(Integer.parseInt(status))
                .as("status %s seen %s times: %s", status, result.path("statuses").path(status),
                        result.path("firstErrors")).isBetween(200, 299));
        assertThat(result.path("ioErrors").asInt()).as("transport errors: %s", result.path("firstErrors")).isZero();
        assertThat(result.path("writes").asInt()).as("writes made").isPositive();

        // every accepted write is stored, and the reports show exactly what was accepted
        for (JsonNode item : result.path("accepted")) {
            AgreementStream.Plan plan = AgreementStream.life(item.path("plan").asInt(),
                    item.path("plan").asLong() % 2 == 0 ? site.eastProject() : site.westProject(), site.investor());
            String id = item.path("id").asText();
            ledger.intended(id, plan.project(), plan.intended(), plan.intendedOn());
            for (int step = 0; step < item.path("steps").asInt(); step++) {
                AgreementStream.record(ledger, id, plan.steps().get(step));
            }
        }
        for (JsonNode probe : result.path("probes")) {
            ledger.intended(probe.asText(), probeProject, Money.cny("1.00"), LocalDate.parse("2022-06-01"));
        }
        Verify.agreementsAreListed(suite(), ledger, List.of(site.eastProject(), site.westProject(), probeProject));
        reports.awaitZone(ledger, site.zone(), Duration.ofMinutes(3));
        reports.awaitZone(ledger, probeZone, Reports.CONVERGENCE);
    }

    private static String summary(JsonNode result) {
        JsonNode all = result.path("latencyMs").path("all");
        JsonNode lag = result.path("eventLagMs");
        return String.format("%d clients, %s s: %d requests (%d writes), %d req/s (%d writes/s); latency p50 %s ms,"
                        + " p99 %s ms; event lag p50 %s ms, p99 %s ms (%d samples); statuses %s",
                result.path("clients").asInt(), result.path("elapsedSeconds").asText(),
                result.path("requests").asInt(), result.path("writes").asInt(),
                result.path("throughputPerSecond").asInt(), result.path("writesPerSecond").asInt(),
                all.path("p50").asText(), all.path("p99").asText(), lag.path("p50").asText(),
                lag.path("p99").asText(), lag.path("samples").asInt(), result.path("statuses"));
    }

    /** This JVM's classpath, for the generator's JVM (the real one, not the booter jar when there is one). */
    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
