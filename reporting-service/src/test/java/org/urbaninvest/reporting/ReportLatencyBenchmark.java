package org.urbaninvest.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.Tokens;

/**
 * Zone report latency with 10 agreements and with 1,000,000 (SYSTEM.md §12: ≤ 5 ms p99, the same at both sizes).
 * Not a test (surefire does not pick it up): run it with
 * {@code mvn -o -q test -pl reporting-service -Dtest=ReportLatencyBenchmark}; it prints the figures and writes
 * them to {@code target/report-latency.txt}.
 *
 * <p>Replaying a million agreements through Kafka would take long, so the projection rows are generated with
 * SQL straight into the active generation: {@code agreement_view} (which reports never read) and the totals
 * derived from it by the same stage rules the projector applies.
 */
@QuarkusTest
class ReportLatencyBenchmark {

    private static final int WARM_UP = 2_000;
    private static final int MEASURED = 10_000;

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void zoneReportLatencyAt10AndAMillionAgreements() throws Exception {
        String run = TestEvents.unique("bench");
        String small = run + "-small";
        String large = run + "-large";
        long started = System.nanoTime();
        generate(small, 0, 10);
        generate(large, 100, 1_000_000);
        double loadSeconds = (System.nanoTime() - started) / 1e9;

        HttpClient client = HttpClient.newHttpClient();
        String token = Tokens.viewer();
        List<String> lines = new ArrayList<>();
        lines.add("zone report latency, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores; data generated in " + Math.round(loadSeconds) + " s");
        String[][] targets = {{"10 agreements, 1 zone", small},
                {"1,000,000 agreements, zone with 100 subzones", large},
                {"1,000,000 agreements, the zone alone (includeSubzones=false)", large + "?includeSubzones=false"},
                {"10,000 agreements, one subzone", large + "-sub-7"}};
        List<HttpRequest> requests = new ArrayList<>();
        for (String[] target : targets) {
            URI uri = URI.create(root + "api/v1/reports/zones/" + target[1]);
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").GET().build();
            assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            requests.add(request);
        }
        // warm the JIT and the database's caches on every case before measuring any
        for (int i = 0; i < WARM_UP; i++) {
            for (HttpRequest request : requests) {
                client.send(request, HttpResponse.BodyHandlers.discarding());
            }
        }
        for (int t = 0; t < targets.length; t++) {
            long[] nanos = new long[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                long t0 = System.nanoTime();
                HttpResponse<Void> response = client.send(requests.get(t), HttpResponse.BodyHandlers.discarding());
                nanos[i] = System.nanoTime() - t0;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("answered " + response.statusCode());
                }
            }
            Arrays.sort(nanos);
            lines.add(String.format("%-62s p50 %.2f ms  p99 %.2f ms  max %.2f ms  (%d sequential requests)",
                    targets[t][0], nanos[MEASURED / 2] / 1e6, nanos[MEASURED * 99 / 100] / 1e6,
                    nanos[MEASURED - 1] / 1e6, MEASURED));
        }
        lines.forEach(System.out::println);
        Files.write(Path.of("target", "report-latency.txt"), lines);
    }

    /**
     * A zone with {@code subzones} children (0: none) sharing {@code agreements} agreements, as projection rows:
     * {@code bench/generate-zone.sql}, which the read benchmark of the running suite also uses, with its psql
     * variables replaced.
     */
    private void generate(String zone, int subzones, int agreements) throws Exception {
        String sql = Files.readString(Path.of("bench", "generate-zone.sql"))
                .replace(":'zone'", "'" + zone.replace("'", "''") + "'")
                .replace(":subzones", Integer.toString(subzones))
                .replace(":agreements", Integer.toString(agreements));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String each : sql.split(";\\s*\\n")) { // one at a time: each stays within the socket timeout
                if (!each.isBlank()) {
                    statement.execute(each);
                }
            }
        }
    }
}
