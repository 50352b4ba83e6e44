package org.urbaninvest.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.urbaninvest.launcher.Ports;

/**
 * {@code ./run.sh} as a user runs it (with its own state directory and free ports): everything becomes ready, the
 * tokens it writes are accepted, a service killed with SIGKILL comes back, and SIGTERM leaves no process behind.
 * The build check of run.sh is skipped: the reactor has just packaged the services.
 */
class RunScriptIT {

    private static final List<String> SERVICES = List.of("project-service", "investment-service", "reporting-service");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path repository = Repository.root();

    @Test
    void startsEverythingRestartsAKilledServiceAndStopsCleanly() throws Exception {
        for (String service : SERVICES) {
            assertThat(repository.resolve(service).resolve("target/quarkus-app/quarkus-run.jar"))
                    .as("packaged by the reactor before this module").exists();
        }
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path home = Files.createTempDirectory(tmp, "run-sh-");
        Ports ports = Ports.free();
        Map<String, Integer> servicePorts = Map.of("project-service", ports.project(),
                "investment-service", ports.investment(), "reporting-service", ports.reporting());

        ProcessBuilder builder = new ProcessBuilder("./run.sh", "--no-demo",
                "--postgres-port", Integer.toString(ports.postgres()),
                "--kafka-port", Integer.toString(ports.kafka()),
                "--kafka-controller-port", Integer.toString(ports.kafkaController()),
                "--project-port", Integer.toString(ports.project()),
                "--investment-port", Integer.toString(ports.investment()),
                "--reporting-port", Integer.toString(ports.reporting()))
                .directory(repository.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolveSibling(home.getFileName() + ".out").toFile());
        builder.environment().put("URBANINVEST_HOME", home.toString());
        builder.environment().put("URBANINVEST_SKIP_BUILD", "true");
        Process runSh = builder.start();
        List<ProcessHandle> children = new ArrayList<>();
        try {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertThat(runSh.isAlive()).as("run.sh is running; see " + home).isTrue();
                return Files.exists(home.resolve("tokens.env"))
                        && servicePorts.values().stream().allMatch(RunScriptIT::ready);
            });

            Properties tokens = new Properties();
            try (var reader = Files.newBufferedReader(home.resolve("tokens.env"))) {
                tokens.load(reader);
            }
            assertThat(tokens.stringPropertyNames()).contains("VIEWER_TOKEN", "EDITOR_TOKEN", "ADMIN_TOKEN");
            String zones = "http://127.0.0.1:" + ports.project() + "/api/v1/zones?size=1";
            assertThat(status(zones, tokens.getProperty("VIEWER_TOKEN"))).as("viewer token accepted").isEqualTo(200);
            assertThat(status(zones, null)).as("no token").isEqualTo(401);

            Map<String, Long> pids = pids(home);
            assertThat(pids.keySet()).containsAll(SERVICES).contains("kafka", "postgres");
            long killed = pids.get("project-service");
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                Long now = pids(home).get("project-service");
                return now != null && now != killed && ProcessHandle.of(now).map(ProcessHandle::isAlive).orElse(false);
            });
            await().atMost(Duration.ofMinutes(2)).until(() -> ready(ports.project()));

            children.addAll(runSh.toHandle().descendants().toList());
            assertThat(children.stream().map(ProcessHandle::pid).collect(Collectors.toSet()))
                    .containsAll(pids(home).values());
        } finally {
            runSh.destroy();
            boolean exited = runSh.waitFor(2, TimeUnit.MINUTES);
            if (!exited) {
                runSh.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                runSh.destroyForcibly();
            }
            assertThat(exited).as("run.sh ends on SIGTERM").isTrue();
        }
        assertThat(children).as("every process run.sh started has ended").noneMatch(ProcessHandle::isAlive);
        assertThat(home.resolve("run")).isEmptyDirectory();
        for (int port : List.of(ports.postgres(), ports.kafka(), ports.project(), ports.investment(),
                ports.reporting())) {
            assertThat(Ports.isFree(port)).as("port %d released", port).isTrue();
        }
    }

    private static Map<String, Long> pids(Path home) throws IOException {
        Map<String, Long> pids = new HashMap<>();
        try (var files = Files.list(home.resolve("run"))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".pid")) {
                    pids.put(name.substring(0, name.length() - 4), Long.parseLong(Files.readString(file).trim()));
                }
            }
        }
        return pids;
    }

    private static boolean ready(int port) {
        return status("http://127.0.0.1:" + port + "/q/health/ready", null) == 200;
    }

    private static int status(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
