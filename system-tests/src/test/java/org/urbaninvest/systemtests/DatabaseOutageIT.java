package org.urbaninvest.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.urbaninvest.systemtests.support.Api.Call;
import org.urbaninvest.systemtests.support.Api.Reply;
import org.urbaninvest.systemtests.support.Ledger;
import org.urbaninvest.systemtests.support.Money;
import org.urbaninvest.systemtests.support.Problems;
import org.urbaninvest.systemtests.support.Reports;
import org.urbaninvest.systemtests.support.RunningSuite;
import org.urbaninvest.systemtests.support.RunningSuite.Service;
import org.urbaninvest.systemtests.support.Site;
import org.urbaninvest.systemtests.support.SystemTest;
import org.urbaninvest.systemtests.support.Workload;

/**
 * investment-service's PostgreSQL stopped (its own server; the other services keep theirs): its writes fail fast
 * with 503 problem+json and Retry-After (not 500, not a hang past 10 s), its readiness is DOWN, the other services
 * keep answering, and when the database is back it recovers by itself, without a restart.
 */
@Order(90)
class DatabaseOutageIT extends SystemTest {

    private static final Service AWAY = RunningSuite.OWN_DATABASE;
    private static final Duration FAST = Duration.ofSeconds(10);

    @Test
    void aServiceWithoutItsDatabaseAnswers503AndRecoversByItself() throws IOException {
        Ledger ledger = new Ledger();
        Workload workload = new Workload(suite(), ledger);
        Site site = Site.create(workload, "db-outage");
        String agreement = workload.intend(site.eastProject(), site.investor(), Money.cny("500.00"),
                LocalDate.parse("2022-03-01"));
        // the reports know the site before its investment database goes away, so reading them later proves
        // reporting-service keeps answering rather than racing the zone's first event
        Reports reports = new Reports(suite());
        reports.awaitZone(ledger, site.zone());
        long pid = suite().process(AWAY).pid();
        String editor = tokens().editor();

        suite().launcher().faults().stopPostgres(AWAY.id());
        try {
            for (int i = 0; i < 5; i++) {
                Call write = new Call(AWAY, "POST", "/api/v1/agreements").token(editor).timeout(FAST)
                        .json(Workload.intendBody(site.eastProject(), site.investor(), Money.cny("1.00"),
                                LocalDate.parse("2022-03-02"), "during the outage " + i));
                Reply reply = api().trySend(write);
                assertThat(reply.status()).as("write %d without a database: %s", i, reply).isEqualTo(503);
                assertThat(reply.took()).as("answered fast").isLessThan(FAST);
                assertThat(reply.header("Retry-After")).as("Retry-After of %s", reply).isPresent();
                Problems.assertProblem(reply);
            }
            Reply move = api().trySend(new Call(AWAY, "POST", "/api/v1/agreements/" + agreement + "/sign")
                    .token(editor).timeout(FAST).json(Workload.signBody(Money.cny("450.00"),
                            LocalDate.parse("2022-04-01"))));
            assertThat(move.status()).as("a stage move without a database: %s", move).isEqualTo(503);
            Reply read = api().trySend(new Call(AWAY, "GET", "/api/v1/agreements/" + agreement)
                    .token(tokens().viewer()).timeout(FAST));
            assertThat(read.status()).as("a read without a database: %s", read).isEqualTo(503);
            Problems.assertProblem(read);

            await("readiness DOWN").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Reply ready = api().send(new Call(AWAY, "GET", "/q/health/ready").timeout(FAST));
                assertThat(ready.status()).isEqualTo(503);
                assertThat(ready.json().path("status").asText()).isEqualTo("DOWN");
            });
            Reply live = api().send(new Call(AWAY, "GET", "/q/health/live"));
            assertThat(live.status()).as("still alive: %s", live).isEqualTo(200);

            // the others keep answering, writes included
            String zone = workload.zone(Workload.uniqueCode("db-outage-other"), site.zone(), "OTHER");
            assertThat(api().get(Service.REPORTING, "/api/v1/reports/zones/" + site.zone(), tokens().viewer())
                    .status()).isEqualTo(200);
            assertThat(api().send(new Call(Service.PROJECT, "GET", "/q/health/ready")).status()).isEqualTo(200);
            assertThat(api().send(new Call(Service.REPORTING, "GET", "/q/health/ready")).status()).isEqualTo(200);
            assertThat(zone).isNotNull();
        } finally {
            suite().launcher().faults().startPostgres(AWAY.id());
        }

        await("recovers by itself").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> api().send(new Call(AWAY, "GET", "/q/health/ready")).status() == 200);
        assertThat(suite().process(AWAY).pid()).as("no restart").isEqualTo(pid);
        workload.sign(agreement, Money.cny("450.00"), LocalDate.parse("2022-04-01"));
        workload.intend(site.westProject(), site.investor(), Money.usd("99.99"), LocalDate.parse("2022-04-02"));
        reports.awaitZone(ledger, site.zone());
    }
}
