package org.urbaninvest.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.urbaninvest.systemtests.support.AgreementStream;
import org.urbaninvest.systemtests.support.Ledger;
import org.urbaninvest.systemtests.support.Reports;
import org.urbaninvest.systemtests.support.RunningSuite.Service;
import org.urbaninvest.systemtests.support.Site;
import org.urbaninvest.systemtests.support.SystemTest;
import org.urbaninvest.systemtests.support.Verify;
import org.urbaninvest.systemtests.support.Workload;

/**
 * {@code kill -9} of investment-service while writers keep sending changes: every change it accepted (a 2xx, or an
 * answer lost in the crash that reading back shows applied) is stored afterwards, every version of every agreement
 * reaches {@code agreements.v1} once the service is back, and the reports end exactly right.
 */
@Order(70)
class InvestmentCrashIT extends SystemTest {

    private static final int CHANGES = 800;

    @Test
    void everyAcceptedWriteSurvivesAKillAndIsPublishedAfterTheRestart() {
        Ledger ledger = new Ledger();
        Site site = Site.create(new Workload(suite(), ledger), "crash-investment");

        AgreementStream stream = new AgreementStream(suite(), ledger).start(6, site::plan, CHANGES);
        await("a third of the stream").atMost(Duration.ofMinutes(3)).until(() -> stream.applied() >= CHANGES / 3);
        long killed = suite().process(Service.INVESTMENT).pid();
        suite().launcher().faults().killService(Service.INVESTMENT.id());
        int atKill = stream.applied();
        System.out.printf("[crash] investment-service (pid %d) killed after %d changes%n", killed, atKill);
        try {
            // the writers meet a dead service for a while (refused connections, lost answers)
            await("writers notice").atMost(Duration.ofSeconds(30)).until(() -> stream.retries() >= 6);
        } finally {
            suite().launcher().faults().startService(Service.INVESTMENT.id());
        }

        stream.join(Duration.ofMinutes(6));
        assertThat(stream.failures()).isEmpty();
        assertThat(stream.applied()).isEqualTo(CHANGES);
        System.out.printf("[crash] %d retries, %d lost answers settled by reading back%n", stream.retries(),
                stream.settled());

        Verify.agreementsAreStored(suite(), ledger);
        await("every event published").atMost(Reports.CONVERGENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> Verify.agreementEventsArePublished(suite(), ledger));
        new Reports(suite()).awaitZone(ledger, site.zone(), Duration.ofMinutes(3));
    }
}
