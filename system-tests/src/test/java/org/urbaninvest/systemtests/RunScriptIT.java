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
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.urbaninvest.launcher.Ports;
import org.urbaninvest.launcher.ServiceJava;

/**
 * {@code ./run.sh} as a user runs it (with its own state directory and free ports, two instances of project-service):
 * everything becomes ready, the demo data goes in through the public APIs and comes out of the reports with the
 * articles' figures (SYSTEM.md §10) while loading it again changes nothing, the banner lists every instance, the
 * tokens it writes are accepted, an instance killed with SIGKILL comes back while the other answers, and SIGTERM
 * leaves no process behind. A replica count outside 1–4 stops it with exit status 2 before anything starts.
 * The build check of run.sh is skipped: the reactor has just packaged the services. These runs keep the services on
 * the launcher's Java ({@code URBANINVEST_SERVICE_JAVA_HOME=default}, as the other system tests' suites do): one run
 * of project-service alone proves the default on a machine with a JDK 25+, its AOT cache recorded in a training run
 * and used by the service.
 */
class RunScriptIT {

    private static final List<String> SERVICES = List.of("project-service", "investment-service", "reporting-service");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path repository = Repository.root();

    @Test
    void replicaCountsOutsideOneToFourStopTheLauncherBeforeAnythingStarts() throws Exception {
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        for (String wrong : List.of("0", "5", "two", "reporting-service=9")) {
            Path home = tmp.resolve("run-sh-refused-" + System.nanoTime());
            Path output = tmp.resolve(home.getFileName() + ".out");
            Process runSh = runSh(home, output, "--replicas", wrong);
            assertThat(runSh.waitFor(60, TimeUnit.SECONDS)).as("run.sh --replicas %s ends by itself", wrong).isTrue();
            assertThat(runSh.exitValue()).as("exit status of run.sh --replicas %s", wrong).isEqualTo(2);
            assertThat(Files.readString(output)).as("what run.sh --replicas %s says", wrong)
                    .contains("--replicas needs a whole number from 1 to 4", "'" + wrong + "'");
            assertThat(home).as("nothing started, not even the state directory").doesNotExist();
        }
    }

    @Test
    void startsEverythingWithTheDemoDataRestartsAKilledServiceAndStopsCleanly() throws Exception {
        for (String service : SERVICES) {
            assertThat(repository.resolve(service).resolve("target/quarkus-app/quarkus-run.jar"))
                    .as("packaged by the reactor before this module").exists();
        }
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path home = Files.createTempDirectory(tmp, "run-sh-");
        Ports ports = Ports.free();
        Map<String, Integer> servicePorts = Map.of("project-service", ports.project(),
                "investment-service", ports.investment(), "reporting-service", ports.reporting());

        Path output = home.resolveSibling(home.getFileName() + ".out");
        Process runSh = runSh(home, output, "--replicas", "project-service=2",
                "--postgres-port", Integer.toString(ports.postgres()),
                "--kafka-port", Integer.toString(ports.kafka()),
                "--kafka-controller-port", Integer.toString(ports.kafkaController()),
                "--project-port", Integer.toString(ports.project()),
                "--investment-port", Integer.toString(ports.investment()),
                "--reporting-port", Integer.toString(ports.reporting()));
        List<ProcessHandle> children = new ArrayList<>();
        try {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertThat(runSh.isAlive()).as("run.sh is running; see " + home).isTrue();
                return Files.exists(home.resolve("tokens.env"))
                        && servicePorts.values().stream().allMatch(RunScriptIT::ready)
                        && ready(ports.project() + 100);
            });
            int secondProject = ports.project() + 100;
            await("the banner").atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Files.readString(output))
                    .contains("project-service-0   http://127.0.0.1:" + ports.project() + "/api/v1",
                            "project-service-1   http://127.0.0.1:" + secondProject + "/api/v1",
                            "investment-service  http://127.0.0.1:" + ports.investment() + "/api/v1",
                            "reporting-service   http://127.0.0.1:" + ports.reporting() + "/api/v1"));

            Properties tokens = new Properties();
            try (var reader = Files.newBufferedReader(home.resolve("tokens.env"))) {
                tokens.load(reader);
            }
            assertThat(tokens.stringPropertyNames()).contains("VIEWER_TOKEN", "EDITOR_TOKEN", "ADMIN_TOKEN");
            String zones = "http://127.0.0.1:" + ports.project() + "/api/v1/zones?size=1";
            assertThat(status(zones, tokens.getProperty("VIEWER_TOKEN"))).as("viewer token accepted").isEqualTo(200);
            assertThat(status(zones, null)).as("no token").isEqualTo(401);

            assertThat(Files.readString(output)).as("the demo data went into an empty store")
                    .contains("demo data: loading through the REST APIs", " 89 agreements, ")
                    .doesNotContain("NOT fully loaded", "the store holds data already");
            DemoFigures demo = new DemoFigures("http://127.0.0.1:" + ports.project(),
                    "http://127.0.0.1:" + ports.investment(), "http://127.0.0.1:" + ports.reporting(),
                    tokens.getProperty("VIEWER_TOKEN"));
            demo.awaitArticleFigures();
            demo.loadAgainChangesNothing(tokens.getProperty("EDITOR_TOKEN"));

            Map<String, Long> pids = pids(home);
            assertThat(pids.keySet()).containsAll(SERVICES.stream().map(service -> service + "-0").toList())
                    .contains("project-service-1", "kafka", "postgres");
            long killed = pids.get("project-service-1");
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            assertThat(status(zones, tokens.getProperty("VIEWER_TOKEN"))).as("the other instance answers meanwhile")
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                Long now = pids(home).get("project-service-1");
                return now != null && now != killed && ProcessHandle.of(now).map(ProcessHandle::isAlive).orElse(false);
            });
            await().atMost(Duration.ofMinutes(2)).until(() -> ready(secondProject));
            assertThat(Files.readString(home.resolve("logs/project-service-1.log"))).as("instance 1's own log")
                    .contains("project-service-1");

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
        for (int port : List.of(ports.postgres(), ports.kafka(), ports.project(), ports.project() + 100,
                ports.investment(), ports.reporting())) {
            assertThat(Ports.isFree(port)).as("port %d released", port).isTrue();
        }
    }

    @Test
    void onTheNewestJdk25AServiceRunsWithTheAotCacheRecordedInATrainingRunBeforeItStarts() throws Exception {
        Optional<ServiceJava> jdk25 = ServiceJava.newestInstalled();
        String missing = "no JDK " + ServiceJava.AOT_CACHE_SINCE + "+ in /usr/lib/jvm or $JAVA_HOME";
        if (jdk25.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(missing + ": with CI=true the AOT cache run is a failure, not a skip");
        }
        Assumptions.assumeTrue(jdk25.isPresent(), missing + ": AOT cache run skipped");
        Path application = repository.resolve("project-service/target/quarkus-app");
        Files.deleteIfExists(application.resolve("app.aot")); // so that this run records it
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path home = Files.createTempDirectory(tmp, "run-sh-aot-");
        Ports ports = Ports.free();
        Path output = home.resolveSibling(home.getFileName() + ".out");
        Process runSh = runSh(home, output, Map.of(), "--services", "project-service", "--no-demo",
                "--postgres-port", Integer.toString(ports.postgres()),
                "--kafka-port", Integer.toString(ports.kafka()),
                "--kafka-controller-port", Integer.toString(ports.kafkaController()),
                "--project-port", Integer.toString(ports.project()));
        try {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertThat(runSh.isAlive()).as("run.sh is running; see " + output).isTrue();
                // the training run answers on the same port before the service itself starts
                return Files.readString(output).contains("everything ready in ") && ready(ports.project());
            });
            String java = "Java " + jdk25.get().featureVersion() + " (" + jdk25.get().home() + ")";
            assertThat(Files.readString(output)).as("what run.sh says; see " + home.resolve("logs"))
                    .contains("project-service: recording its AOT cache on Java " + jdk25.get().featureVersion(),
                            "project-service: AOT cache recorded in ",
                            "project-service: " + java + " with the AOT cache " + application.resolve("app.aot"));
            assertThat(application.resolve("app.aot")).isNotEmptyFile();
            try (var leftovers = Files.list(application)) {
                assertThat(leftovers.map(file -> file.getFileName().toString()))
                        .as("no recording or training record left behind").noneMatch(name -> name.contains(".part"));
            }
            ProcessHandle service = ProcessHandle.of(pids(home).get("project-service-0")).orElseThrow();
            assertThat(service.info().command()).hasValue(jdk25.get().home().resolve("bin/java").toString());
            assertThat(service.info().arguments().map(List::of).orElseThrow())
                    .as("the running service loads the cache and records nothing")
                    .contains("-XX:AOTCache=" + application.resolve("app.aot"))
                    .noneMatch(argument -> argument.startsWith("-XX:AOTCacheOutput"));
        } finally {
            runSh.destroy();
            boolean exited = runSh.waitFor(2, TimeUnit.MINUTES);
            if (!exited) {
                runSh.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                runSh.destroyForcibly();
            }
            assertThat(exited).as("run.sh ends on SIGTERM").isTrue();
        }
    }

    /**
     * Starts {@code ./run.sh} with these arguments, its state in {@code home}, its output in {@code output}, the
     * services on the launcher's Java.
     */
    private Process runSh(Path home, Path output, String... arguments) throws IOException {
        return runSh(home, output, Map.of(ServiceJava.HOME_VARIABLE, ServiceJava.LAUNCHER_JAVA), arguments);
    }

    /** The same with these environment variables on top of the state directory's. */
    private Process runSh(Path home, Path output, Map<String, String> environment, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("./run.sh"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(repository.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("URBANINVEST_HOME", home.toString());
        builder.environment().put("URBANINVEST_SKIP_BUILD", "true");
        builder.environment().remove(ServiceJava.HOME_VARIABLE);
        builder.environment().putAll(environment);
        return builder.start();
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
