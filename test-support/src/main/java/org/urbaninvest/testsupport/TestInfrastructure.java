package org.urbaninvest.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.urbaninvest.launcher.KafkaBroker;
import org.urbaninvest.launcher.PostgresServer;
import org.urbaninvest.launcher.TokenIssuer;

/**
 * One real PostgreSQL server, one real Kafka broker and one set of signing keys per test JVM, started on first
 * use and stopped when the JVM exits. They are the same classes {@code ./run.sh} uses.
 */
public final class TestInfrastructure {

    private static TestInfrastructure instance;

    private final Path home;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final TokenIssuer tokens;

    private TestInfrastructure(Path home) {
        this.home = home;
        int postgresPort = freePort();
        // the broker (two JVMs: storage format, then the server) starts while PostgreSQL runs initdb
        KafkaBroker broker = new KafkaBroker(home.resolve("kafka"), freePort(), freePort(), kafkaClasspath(),
                home.resolve("kafka.log"));
        CompletableFuture<KafkaBroker> kafkaUp = CompletableFuture.supplyAsync(() -> broker.start(Duration.ofSeconds(90)));
        try {
            this.postgres = new PostgresServer(home.resolve("postgres"), postgresPort).start();
        } catch (RuntimeException e) {
            kafkaUp.whenComplete((started, failure) -> broker.close());
            throw e;
        }
        try {
            this.kafka = kafkaUp.join();
        } catch (CompletionException e) {
            postgres.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        this.tokens = TokenIssuer.inDirectory(home.resolve("keys"), TokenIssuer.DEFAULT_ISSUER);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "test-infrastructure-stop"));
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            try {
                Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
                Files.createDirectories(tmp);
                instance = new TestInfrastructure(Files.createTempDirectory(tmp, "urbaninvest-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public TokenIssuer tokens() {
        return tokens;
    }

    public Path home() {
        return home;
    }

    /** Creates the database if needed and returns its JDBC URL. */
    public String database(String name) {
        postgres.createDatabases(List.of(name));
        return postgres.jdbcUrl(name);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The launcher's copied Kafka jars when the reactor built them, else this JVM's own classpath. */
    private static String kafkaClasspath() {
        String libs = System.getProperty("urbaninvest.kafka.classpath");
        if (libs != null && !libs.isBlank() && Files.isDirectory(Path.of(libs.replace("/*", "")))) {
            return libs;
        }
        return KafkaBroker.currentClasspath();
    }

    private void stop() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
