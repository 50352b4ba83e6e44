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
import org.urbaninvest.systemtests.support.Workload;

/**
 * {@code kill -9} of reporting-service in the middle of a stream of 2,000 agreement changes, then a start: the
 * projections must end exactly at the figures of everything sent, nothing lost, nothing counted twice.
 */
@Order(60)
class ReportingCrashIT extends SystemTest {

    private static final int CHANGES = 2_000;

    @Test
    void reportsEndExactlyRightAfterAKillInTheMiddleOfTheStream() {
        Ledger ledger = new Ledger();
        Site site = Site.create(new Workload(suite(), ledger), "crash-reporting");
        Reports reports = new Reports(suite());
        reports.awaitZone(ledger, site.zone());

        AgreementStream stream = new AgreementStream(suite(), ledger).start(8, site::plan, CHANGES);
        await("half of the stream").atMost(Duration.ofMinutes(3)).until(() -> stream.applied() >= CHANGES / 2);
        long killed = suite().process(Service.REPORTING).pid();
        suite().launcher().faults().killService(Service.REPORTING.id());
        assertThat(suite().process(Service.REPORTING).isAlive()).as("reporting-service is dead").isFalse();
        System.out.printf("[crash] reporting-service (pid %d) killed after %d changes%n", killed, stream.applied());

        try {
            stream.join(Duration.ofMinutes(5));
            assertThat(stream.failures()).isEmpty();
            assertThat(stream.applied()).isEqualTo(CHANGES);
        } finally {
            suite().launcher().faults().startService(Service.REPORTING.id());
        }
        assertThat(suite().process(Service.REPORTING).pid()).isNotEqualTo(killed);

        reports.awaitZone(ledger, site.zone(), Duration.ofMinutes(4));
        reports.awaitZone(ledger, site.east(), Reports.CONVERGENCE);
        reports.awaitZone(ledger, site.west(), Reports.CONVERGENCE);
        for (String metric : java.util.List.of("intended", "signed", "fundsInPlace")) {
            reports.awaitTimeseries(ledger, site.zone(), metric, "quarter", true);
        }
    }
}
