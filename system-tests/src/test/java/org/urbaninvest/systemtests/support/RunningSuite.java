package org.urbaninvest.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.urbaninvest.launcher.LocalSuite;
import org.urbaninvest.launcher.Ports;
import org.urbaninvest.launcher.ServiceProcess;
import org.urbaninvest.launcher.SuiteService;
import org.urbaninvest.testsupport.TokenSet;
import org.urbaninvest.testsupport.Tokens;

/**
 * The whole suite as {@code ./run.sh} runs it, started once for all system tests: a real PostgreSQL server, a real
 * Kafka broker process and the three packaged services as processes, {@value #REPLICAS} instances of each (instance
 * k on its service's port + 100·k), on free ports, with its state in a fresh directory under {@code target/}. Calls
 * go to instance 0 unless a test spreads them ({@link Api#spreading()}) or names an instance. investment-service's
 * database runs on a PostgreSQL server of its own, so that a test can take one service's database away while the
 * others keep theirs. Nothing restarts a process by itself
 * here: a test that kills one starts it again, and a process that dies unexpectedly fails the tests after it.
 * Tracing is on, as with {@code ./run.sh --otlp}: the services export to a {@link TraceReceiver} in this JVM the
 * traces a test starts with a sampled {@code traceparent} (and only those: the sampler follows the caller).
 * The service JVMs compile with C1 only and collect with the serial collector ({@link #SERVICE_JVM_OPTIONS}), as the
 * test JVMs do: six of them start and restart on two cores, where C2's compiling is most of a start's CPU, and no
 * scenario here runs long enough to repay it. What they check does not depend on it; the benchmarks run the defaults.
 */
public final class RunningSuite implements AutoCloseable {

    /** The service whose database runs on a server of its own. */
    public static final Service OWN_DATABASE = Service.INVESTMENT;
    /** Instances of every service: the suite runs as production does, scaled out (instance k on port + 100·k). */
    public static final int REPLICAS = 2;
    /** The service JVMs' options: the launcher's defaults with C1 only and the serial collector instead of G1. */
    static final List<String> SERVICE_JVM_OPTIONS = Stream.concat(
            LocalSuite.DEFAULT_SERVICE_JVM_OPTIONS.stream().filter(option -> !option.equals("-XX:+UseG1GC")),
            Stream.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")).toList();

    private final LocalSuite suite;
    private final TraceReceiver traces;
    private final TokenSet tokens;
    private final Api api;

    private RunningSuite(LocalSuite suite, TraceReceiver traces) {
        this.suite = suite;
        this.traces = traces;
        this.tokens = Tokens.of(suite.tokens());
        this.api = new Api(this);
    }

    /** Starts everything and waits until it is ready; fails with the reason if a packaged service is missing. */
    public static RunningSuite start() {
        Path repository = repository();
        List<String> missing = new ArrayList<>();
        for (Service service : Service.values()) {
            Path jar = repository.resolve(service.id()).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                missing.add(jar.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The system tests run the packaged services, but " + missing + " is "
                    + "missing. Build them first: run the module with the reactor (mvn verify, or mvn -o verify -pl "
                    + "system-tests -am), or mvn -o package -DskipTests -pl project-service,investment-service,"
                    + "reporting-service.");
        }
        Path home = newHome();
        System.out.println("[suite] state, logs and pid files in " + home);
        TraceReceiver traces = TraceReceiver.start();
        LocalSuite suite = LocalSuite.builder()
                .home(home)
                .repository(repository)
                .ports(Ports.free())
                .ownDatabaseServer(OWN_DATABASE.suiteService(), freePort())
                .replicas(replicas())
                .serviceJvmOptions(SERVICE_JVM_OPTIONS)
                .supervised(false)
                .reset(true)
                .otlp(traces.endpoint())
                .environment("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .environment("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "0")
                .environment("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms")
                .log(line -> System.out.println("[suite] " + line))
                .build();
        try {
            suite.start();
        } catch (RuntimeException e) {
            traces.close();
            throw e;
        }
        return new RunningSuite(suite, traces);
    }

    public LocalSuite launcher() {
        return suite;
    }

    public TokenSet tokens() {
        return tokens;
    }

    /** The spans the services exported, of the traces the tests started. */
    public TraceReceiver traces() {
        return traces;
    }

    public Api api() {
        return api;
    }

    /** The URL of the service's first instance (instance 0). */
    public String url(Service service) {
        return process(service).url();
    }

    public String url(Service service, int instance) {
        return process(service, instance).url();
    }

    /** The service's first instance (instance 0). */
    public ServiceProcess process(Service service) {
        return suite.service(service.suiteService());
    }

    public ServiceProcess process(Service service, int instance) {
        return suite.instances(service.suiteService()).get(instance);
    }

    public int replicas(Service service) {
        return suite.replicas(service.suiteService());
    }

    public String kafkaBootstrapServers() {
        return suite.broker().bootstrapServers();
    }

    public Path home() {
        return suite.home();
    }

    /**
     * Before each test class: a service found dead (a crash, or a scenario that failed before starting it again)
     * is started again, and the class fails saying so, so that one failure does not take the next classes along.
     */
    public void restartDeadServices() {
        List<String> dead = new ArrayList<>();
        for (ServiceProcess process : suite.instances()) {
            if (!process.isAlive()) {
                dead.add(process.name() + " (see " + process.logFile() + ")");
                suite.faults().startService(process.name());
            }
        }
        if (!dead.isEmpty()) {
            throw new IllegalStateException("found dead and started again before this test: " + dead);
        }
    }

    @Override
    public void close() {
        try {
            suite.stop();
        } finally {
            traces.close();
        }
    }

    /** The repository root (where the services' modules are), from the build or found above the working folder. */
    static Path repository() {
        String configured = System.getProperty("urbaninvest.repository");
        if (configured != null && Files.isDirectory(Path.of(configured, "project-service"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("project-service")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("the repository root is not above " + Path.of("").toAbsolutePath());
    }

    private static Path newHome() {
        try {
            Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath());
            deleteEarlierRuns(tmp);
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            return Files.createTempDirectory(tmp, "suite-" + stamp + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only the latest run's state is kept (each holds two PostgreSQL data directories and a broker log). */
    private static void deleteEarlierRuns(Path tmp) throws IOException {
        try (var runs = Files.list(tmp)) {
            for (Path run : runs.filter(p -> p.getFileName().toString().startsWith("suite-")).toList()) {
                try (var walk = Files.walk(run)) {
                    for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
    }

    private static Map<SuiteService, Integer> replicas() {
        Map<SuiteService, Integer> replicas = new EnumMap<>(SuiteService.class);
        for (Service service : Service.values()) {
            replicas.put(service.suiteService(), REPLICAS);
        }
        return replicas;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The three services by the names the tests use. */
    public enum Service {
        PROJECT(SuiteService.PROJECT), INVESTMENT(SuiteService.INVESTMENT), REPORTING(SuiteService.REPORTING);

        private final SuiteService suiteService;

        Service(SuiteService suiteService) {
            this.suiteService = suiteService;
        }

        public SuiteService suiteService() {
            return suiteService;
        }

        public String id() {
            return suiteService.id();
        }
    }
}
