package org.urbaninvest.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The suite's infrastructure half (PostgreSQL and the broker, no services): supervision, locking, stopping. */
class LocalSuiteTest {

    @Test
    void restartsWhatDiesKeepsDownWhatIsStoppedAndLeavesNothingBehind() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        Path home = Files.createTempDirectory(tmp, "suite-");
        Ports ports = Ports.free();
        List<String> log = new CopyOnWriteArrayList<>();
        LocalSuite suite = LocalSuite.builder()
                .home(home)
                .repository(home)
                .ports(ports)
                .services(EnumSet.noneOf(SuiteService.class))
                .kafkaClasspath(KafkaBroker.currentClasspath())
                .log(log::add)
                .build()
                .start();
        ProcessHandle postgres = suite.postgres().handle();
        ProcessHandle broker;
        try {
            for (String database : LocalSuite.DATABASES) {
                assertThat(query(ports, database)).as(database).isTrue();
            }
            assertThat(Files.readString(home.resolve("run/kafka.pid")).trim())
                    .isEqualTo(Long.toString(suite.broker().pid()));

            assertThatThrownBy(() -> LocalSuite.builder().home(home).ports(Ports.free())
                    .services(EnumSet.noneOf(SuiteService.class)).log(log::add).build().start())
                    .hasMessageContaining("another launcher is running with " + home.toAbsolutePath());

            long firstBroker = suite.broker().pid();
            ProcessHandle.of(firstBroker).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> suite.broker().isAlive() && suite.broker().pid() != firstBroker);
            assertThat(log).anyMatch(line -> line.contains("kafka is not running; starting it again"));

            ProcessHandle firstPostgres = suite.postgres().handle();
            firstPostgres.destroyForcibly();
            // restarted at once; answering takes crash recovery (and the killed server's backends to exit)
            await().atMost(Duration.ofSeconds(30)).until(() -> suite.postgres().isAlive()
                    && suite.postgres().handle().pid() != firstPostgres.pid() && query(ports, "project"));

            suite.faults().stopPostgres();
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> !suite.postgres().isAlive());
            suite.faults().startPostgres();
            assertThat(query(ports, "investment")).as("data kept across a stop").isTrue();

            postgres = suite.postgres().handle();
        } finally {
            broker = suite.broker().handle();
            suite.stop();
        }
        assertThat(postgres.isAlive()).isFalse();
        assertThat(broker.isAlive()).isFalse();
        assertThat(home.resolve("run/kafka.pid")).doesNotExist();
        assertThat(home.resolve("run/postgres.pid")).doesNotExist();
        assertThat(Ports.isFree(ports.postgres())).isTrue();
    }

    private static boolean query(Ports ports, String database) {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + database, "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            return statement.execute("SELECT 1");
        } catch (SQLException e) {
            return false;
        }
    }

}
