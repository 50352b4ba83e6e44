package org.urbaninvest.investment;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.Tokens;

/**
 * SYSTEM.md §12 "Writes": accepting agreements over REST (token check, validation, replica look-up, agreement +
 * history + outbox rows, durable commit) at 32 clients, against the same two inserts done straight over JDBC at
 * 32 clients on the same PostgreSQL (what pgbench would do). Not a test (no {@code Test} suffix): run it with
 * {@code investment-service/bench/agreement-benchmark.sh}. Results go to {@code target/agreement-benchmark.txt}.
 */
@QuarkusTest
class AgreementWriteBenchmark {

    private static final int CLIENTS = 32;
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup", 60));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 30));

    @TestHTTPResource("/api/v1/agreements")
    URI agreements;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void acceptAgreements() throws Exception {
        String project = Fixtures.project("bench-zone");
        String investor = Fixtures.investor();
        Fixtures.agreement(project, investor); // puts the project into the replica
        String token = Tokens.editor();
        String body = """
                {"projectCode":"%s","investorId":"%s","intendedAmount":{"amount":"1000000.00","currency":"CNY"},
                 "intendedOn":"2022-03-01"}""".formatted(project, investor);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(agreements).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();

        run(WARM_UP, () -> http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201);
        double rest = run(MEASURE, () -> http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201);

        double jdbc;
        try (Connection setup = dataSource.getConnection(); Statement ddl = setup.createStatement()) {
            ddl.execute("CREATE TABLE bench_agreement (LIKE agreement INCLUDING ALL)");
            ddl.execute("CREATE TABLE bench_outbox (LIKE outbox INCLUDING ALL)");
            try {
                run(Duration.ofSeconds(10), () -> twoInserts(investor));
                jdbc = run(MEASURE, () -> twoInserts(investor));
            } finally {
                ddl.execute("DROP TABLE bench_agreement, bench_outbox");
            }
        }

        String report = String.format("agreements accepted over REST, %d clients, %d s after %d s warm-up: %.0f/s%n"
                        + "the same two inserts over JDBC, %d clients: %.0f/s%nratio: %.2f (target ≥ 0.6)%n",
                CLIENTS, MEASURE.toSeconds(), WARM_UP.toSeconds(), rest, CLIENTS, jdbc, rest / jdbc);
        Files.writeString(Path.of("target", "agreement-benchmark.txt"), report);
        System.out.print(report);
        assertThat(rest).isPositive();
    }

    private boolean twoInserts(String investor) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            UUID id = UUID.randomUUID();
            try (PreparedStatement agreement = connection.prepareStatement("""
                    INSERT INTO bench_agreement (id, project_code, zone_code, investor_id, stage, intended_amount,
                    intended_currency, intended_on, version, created_at, updated_at)
                    VALUES (?, 'bench', 'bench-zone', ?, 'INTENDED', 1000000.00, 'CNY', DATE '2022-03-01', 1, ?, ?)""");
                    PreparedStatement outbox = connection.prepareStatement("""
                            INSERT INTO bench_outbox (event_id, topic, message_key, ce_type, ce_source, ce_time, payload)
                            VALUES (?, 'agreements.v1', ?, 'org.urbaninvest.agreement.intended', '/investment-service',
                            ?, ?)""")) {
                agreement.setObject(1, id);
                agreement.setObject(2, UUID.fromString(investor));
                agreement.setTimestamp(3, now);
                agreement.setTimestamp(4, now);
                agreement.executeUpdate();
                outbox.setObject(1, UUID.randomUUID());
                outbox.setString(2, id.toString());
                outbox.setTimestamp(3, now);
                outbox.setString(4, "{\"id\":\"" + id + "\",\"padding\":\"" + "x".repeat(900) + "\"}");
                outbox.executeUpdate();
            }
            connection.commit();
            return true;
        }
    }

    interface Call {
        boolean call() throws Exception;
    }

    /** Runs {@code call} from {@link #CLIENTS} threads for {@code duration}; returns successful calls per second. */
    private static double run(Duration duration, Call call) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        if (call.call()) {
                            done.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }
}
