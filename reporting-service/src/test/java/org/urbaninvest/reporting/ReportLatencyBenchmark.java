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
import java.sql.PreparedStatement;
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
        generate(small, 1, 10);
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

    /** A zone with {@code subzones} children sharing {@code agreements} agreements, as projection rows. */
    private void generate(String zone, int subzones, int agreements) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            int generation;
            try (var rs = statement.executeQuery(
                    "SELECT generation FROM projection_generation WHERE status = 'ACTIVE'")) {
                rs.next();
                generation = rs.getInt(1);
            }
            try (PreparedStatement zones = connection.prepareStatement("""
                    INSERT INTO zone_view (generation, code, name, kind, parent_code)
                    SELECT ?, ?, 'Benchmark zone', 'ECONOMIC_ZONE', NULL
                    UNION ALL
                    SELECT ?, ? || '-sub-' || s, 'Benchmark subzone ' || s, 'INDUSTRIAL_PARK', ?
                    FROM generate_series(1, ?) s""")) {
                zones.setInt(1, generation);
                zones.setString(2, zone);
                zones.setInt(3, generation);
                zones.setString(4, zone);
                zones.setString(5, zone);
                zones.setInt(6, subzones == 1 ? 0 : subzones);
                zones.executeUpdate();
            }
            // agreements spread over the subzones (or the zone itself), every stage represented
            try (PreparedStatement rows = connection.prepareStatement("""
                    INSERT INTO agreement_view (generation, id, zone_code, project_code, stage, intended_amount,
                        intended_currency, intended_on, signed_amount, signed_currency, signed_on,
                        funds_in_place_amount, funds_in_place_currency)
                    SELECT ?, ? || '-' || i, CASE WHEN ? = 1 THEN ? ELSE ? || '-sub-' || (i % ? + 1) END, NULL,
                        (ARRAY['INTENDED','SIGNED','STARTED','OPERATIONAL','WITHDRAWN'])[i % 5 + 1],
                        1000000 + i % 1000, 'CNY', DATE '2022-01-01' + (i % 365),
                        CASE WHEN i % 5 IN (1, 2, 3) THEN 800000 + i % 1000 END,
                        CASE WHEN i % 5 IN (1, 2, 3) THEN 'CNY' END,
                        CASE WHEN i % 5 IN (1, 2, 3) THEN DATE '2022-02-01' + (i % 300) END,
                        CASE WHEN i % 5 IN (1, 2, 3) THEN 100000 ELSE 0 END, 'CNY'
                    FROM generate_series(1, ?) i""")) {
                rows.setInt(1, generation);
                rows.setString(2, zone);
                rows.setInt(3, subzones);
                rows.setString(4, zone);
                rows.setString(5, zone);
                rows.setInt(6, subzones);
                rows.setInt(7, agreements);
                rows.executeUpdate();
            }
            // the totals, by the rules AgreementState.contribution() applies one event at a time
            String ofZone = "generation = " + generation + " AND id LIKE '" + zone + "-%'";
            statement.executeUpdate("""
                    INSERT INTO zone_agreement_totals (generation, zone_code, measure, currency, count, amount)
                    SELECT %d, zone_code, m.measure, m.currency, count(*), sum(m.amount)
                    FROM agreement_view
                    CROSS JOIN LATERAL (VALUES
                        ('intended', intended_currency, intended_amount, stage <> 'WITHDRAWN'),
                        ('signed', signed_currency, signed_amount, stage IN ('SIGNED','STARTED','OPERATIONAL')),
                        ('started', signed_currency, signed_amount, stage IN ('STARTED','OPERATIONAL')),
                        ('operational', signed_currency, signed_amount, stage = 'OPERATIONAL'),
                        ('withdrawn', intended_currency, intended_amount, stage = 'WITHDRAWN'),
                        ('funds', funds_in_place_currency, funds_in_place_amount, stage IN ('SIGNED','STARTED','OPERATIONAL'))
                    ) AS m(measure, currency, amount, counts)
                    WHERE %s AND m.counts GROUP BY zone_code, m.measure, m.currency""".formatted(generation, ofZone));
            statement.executeUpdate("""
                    INSERT INTO zone_timeseries (generation, zone_code, metric, month, currency, count, amount)
                    SELECT %d, zone_code, m.metric, date_trunc('month', m.day)::date, m.currency, count(*), sum(m.amount)
                    FROM agreement_view
                    CROSS JOIN LATERAL (VALUES
                        ('intended', intended_on, intended_currency, intended_amount, stage <> 'WITHDRAWN'),
                        ('signed', signed_on, signed_currency, signed_amount, stage IN ('SIGNED','STARTED','OPERATIONAL'))
                    ) AS m(metric, day, currency, amount, counts)
                    WHERE %s AND m.counts GROUP BY 1, 2, 3, 4, 5""".formatted(generation, ofZone));
            statement.execute("ANALYZE");
        }
    }
}
