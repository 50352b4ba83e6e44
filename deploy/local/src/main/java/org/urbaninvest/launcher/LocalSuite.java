package org.urbaninvest.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Everything {@code ./run.sh} runs, as one object: a PostgreSQL server with one database per service, a
 * single-node Kafka broker, and the packaged services, each a child process with its log under
 * {@code <home>/logs}. This class puts them together and starts and stops them in order; a {@link Supervisor} keeps
 * them running (a process that dies is started again within seconds) until {@link #stop()}, which stops the
 * services, then the broker, then PostgreSQL. Tests inject crashes and outages through {@link #faults()}.
 *
 * <p>Only one suite may use a home directory at a time ({@code <home>/launcher.lock}). The pid of every child
 * is kept in {@code <home>/run/<name>.pid}; a watchdog process stops them if this JVM dies without stopping them,
 * and the next start stops any that are left over.
 *
 * <p>All databases live on one PostgreSQL server unless a service is given a server of its own
 * ({@link Builder#ownDatabaseServer}), which can then be stopped alone ({@link Faults#stopPostgres(String)}).
 */
public final class LocalSuite implements AutoCloseable {

    public static final String POSTGRES = "postgres";
    public static final String KAFKA = "kafka";
    public static final List<String> DATABASES = List.of("project", "investment", "reporting");
    /** The services' JVM options unless told otherwise: a modest heap, G1 for throughput, no half-dead JVMs. */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseG1GC",
            "-XX:+ExitOnOutOfMemoryError");

    /** Instance k of a service listens on the service's port + INSTANCE_PORT_STEP·k. */
    public static final int INSTANCE_PORT_STEP = 100;

    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(25);

    private final Path home;
    private final Path repository;
    private final Ports ports;
    private final Set<SuiteService> services;
    private final Map<SuiteService, Integer> replicas;
    private final Map<SuiteService, Integer> ownDatabasePorts;
    private final List<String> serviceJvmOptions;
    private final ServiceJava serviceJava;
    private final Map<String, String> postgresSettings;
    private final Map<String, String> extraEnvironment;
    private final String otlp;
    private final String kafkaClasspath;
    private final Duration readyTimeout;
    private final boolean supervised;
    private final boolean reset;
    private final Consumer<String> log;
    private final SuiteHome suiteHome;
    private final Supervisor supervisor;
    private final Faults faults;

    private final Map<SuiteService, List<ServiceProcess>> serviceProcesses = new LinkedHashMap<>();
    private final Map<SuiteService, PostgresServer> ownDatabases = new EnumMap<>(SuiteService.class);
    private final AtomicBoolean running = new AtomicBoolean();
    private PostgresServer postgres;
    private KafkaBroker broker;
    private TokenIssuer tokens;
    private KeySetServer keySet;
    private Watchdog watchdog;
    private volatile ServiceProcess training;

    private LocalSuite(Builder builder) {
        this.home = builder.home.toAbsolutePath().normalize();
        this.repository = builder.repository.toAbsolutePath().normalize();
        this.ports = builder.ports;
        this.services = EnumSet.copyOf(builder.services);
        this.replicas = new EnumMap<>(builder.replicas);
        this.ownDatabasePorts = new EnumMap<>(builder.ownDatabasePorts);
        this.serviceJvmOptions = List.copyOf(builder.serviceJvmOptions);
        this.serviceJava = builder.serviceJava;
        this.postgresSettings = Map.copyOf(builder.postgresSettings);
        this.extraEnvironment = Map.copyOf(builder.environment);
        this.otlp = builder.otlp;
        this.kafkaClasspath = builder.kafkaClasspath != null ? builder.kafkaClasspath : defaultKafkaClasspath();
        this.readyTimeout = builder.readyTimeout;
        this.supervised = builder.supervised;
        this.reset = builder.reset;
        this.log = builder.log;
        this.suiteHome = new SuiteHome(home, line -> log("%s", line));
        this.supervisor = new Supervisor(suiteHome, log);
        this.faults = new Faults(this, supervisor);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts everything and waits until PostgreSQL and the broker answer and every service is ready. On failure
     * whatever was started is stopped again.
     */
    public LocalSuite start() {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("already started");
        }
        try {
            synchronized (this) {
                Files.createDirectories(home.resolve("logs"));
                Files.createDirectories(home.resolve("run"));
                suiteHome.lock();
                stopLeftovers();
                if (reset) {
                    suiteHome.wipe();
                    Files.createDirectories(home.resolve("logs"));
                    Files.createDirectories(home.resolve("run"));
                }
                checkPortsFree();
                tokens = TokenIssuer.inDirectory(home.resolve("keys"), TokenIssuer.DEFAULT_ISSUER);
                keySet = KeySetServer.start(tokens.jwksFile());
                watchdog = Watchdog.start(home);
                defineProcesses();
            }

            long started = System.nanoTime();
            CompletableFuture<Void> kafkaUp = supervisor.ensureRunningAsync(KAFKA);
            // a service's own PostgreSQL server runs its initdb while the shared one runs its own
            Map<SuiteService, CompletableFuture<Void>> ownDatabasesUp = new LinkedHashMap<>();
            ownDatabases.keySet().forEach(service ->
                    ownDatabasesUp.put(service, supervisor.ensureRunningAsync(ownDatabaseName(service))));
            supervisor.ensureRunning(POSTGRES);
            postgres.createDatabases(DATABASES.stream()
                    .filter(name -> ownDatabases.keySet().stream().noneMatch(s -> s.database().equals(name)))
                    .toList());
            ownDatabases.forEach((service, server) -> {
                ownDatabasesUp.get(service).join();
                server.createDatabases(List.of(service.database()));
            });
            chooseServiceJava(kafkaUp);
            // the services start while the broker is still starting: their Kafka clients connect when it is up
            List<CompletableFuture<Void>> ready = new ArrayList<>();
            for (ServiceProcess instance : instances()) {
                ready.add(supervisor.ensureRunningAsync(instance.name()));
            }
            ready.add(kafkaUp);
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
            log("everything ready in %.1f s", (System.nanoTime() - started) / 1e9);
            if (supervised && running.get()) {
                supervisor.watch();
            }
            return this;
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        } catch (CompletionException e) {
            stop();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Stops the services, then the broker, then PostgreSQL; idempotent. */
    public void stop() {
        synchronized (this) {
            if (!running.getAndSet(false) && !suiteHome.isLocked()) {
                return;
            }
        }
        supervisor.close();
        ServiceProcess recording = training;
        if (recording != null) { // stopped during a training run: it and the JVM assembling its cache end now
            ProcessHandle jvm = recording.handle();
            if (jvm != null) {
                jvm.descendants().forEach(ProcessHandle::destroyForcibly);
            }
            recording.kill();
        }
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (ServiceProcess instance : instances()) {
            if (supervisor.has(instance.name())) {
                stopping.add(supervisor.haltAsync(instance.name()));
            }
        }
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
        if (supervisor.has(KAFKA)) {
            supervisor.halt(KAFKA);
        }
        for (SuiteService service : ownDatabases.keySet()) {
            supervisor.halt(ownDatabaseName(service));
        }
        if (supervisor.has(POSTGRES)) {
            supervisor.halt(POSTGRES);
        }
        synchronized (this) {
            if (keySet != null) {
                keySet.close();
                keySet = null;
            }
            if (watchdog != null) {
                watchdog.close();
                watchdog = null;
            }
            suiteHome.unlock();
        }
        supervisor.shutdownThreads();
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        return running.get();
    }

    public Path home() {
        return home;
    }

    public Ports ports() {
        return ports;
    }

    /** The OTLP collector the services send their traces to; {@code null} when tracing is off. */
    public String otlp() {
        return otlp;
    }

    public Set<SuiteService> services() {
        return EnumSet.copyOf(services);
    }

    /** The keys in {@code <home>/keys} the services trust, and the tokens signed with them; available once started. */
    public TokenIssuer tokens() {
        return tokens;
    }

    /** Where the services read the JWK Set they trust ({@code <home>/keys/jwks.json}, served over HTTP). */
    public String keySetUrl() {
        return keySet.url();
    }

    /**
     * Rotates the key tokens are signed with while everything runs, as {@code ./run.sh --rotate-keys} does: the
     * new key joins the trusted set, then signs, then the old one leaves it ({@link KeyRotation}).
     */
    public KeyRotation.Result rotateKeys(Runnable afterSwitch) {
        return KeyRotation.rotate(tokens, KeySetServer.PROPAGATION, afterSwitch, line -> log("%s", line));
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** The PostgreSQL server holding {@code service}'s database: its own server if it has one, else the shared one. */
    public PostgresServer postgres(String service) {
        PostgresServer own = ownDatabases.get(SuiteService.of(service));
        return own != null ? own : postgres;
    }

    public KafkaBroker broker() {
        return broker;
    }

    /** A started service's first instance (instance 0): its pid, port, URL and log file. */
    public ServiceProcess service(SuiteService service) {
        return instances(service).get(0);
    }

    /**
     * A service's first instance by the service's name ({@code project-service}, {@code project}), or one
     * instance by its own name ({@code project-service-1}).
     */
    public ServiceProcess service(String name) {
        for (ServiceProcess instance : instances()) {
            if (instance.name().equals(name)) {
                return instance;
            }
        }
        return service(SuiteService.of(name));
    }

    /** Every instance of a service, instance 0 first. */
    public List<ServiceProcess> instances(SuiteService service) {
        List<ServiceProcess> instances = serviceProcesses.get(service);
        if (instances == null) {
            throw new IllegalArgumentException(service.id() + " is not part of this suite");
        }
        return List.copyOf(instances);
    }

    /** Every instance of every service, in start order. */
    public List<ServiceProcess> instances() {
        return serviceProcesses.values().stream().flatMap(List::stream).toList();
    }

    /** How many instances of a service run. */
    public int replicas(SuiteService service) {
        return services.contains(service) ? replicas.getOrDefault(service, 1) : 0;
    }

    /** The faults a test may inject: crashes and outages of services, the broker and PostgreSQL. */
    public Faults faults() {
        return faults;
    }

    /** The supervised name of the PostgreSQL server a service has of its own. */
    String ownDatabaseServerName(String service) {
        return ownDatabaseName(ownDatabaseOf(service));
    }

    private SuiteService ownDatabaseOf(String name) {
        SuiteService service = SuiteService.of(name);
        if (!ownDatabasePorts.containsKey(service)) {
            throw new IllegalArgumentException(service.id() + " shares the suite's PostgreSQL server; give it one of "
                    + "its own with LocalSuite.Builder#ownDatabaseServer");
        }
        return service;
    }

    private static String ownDatabaseName(SuiteService service) {
        return POSTGRES + "-" + service.database();
    }

    private void defineProcesses() {
        Path logs = home.resolve("logs");
        postgres = new PostgresServer(home.resolve("postgres"), ports.postgres(), logs.resolve("postgres.log"));
        postgresSettings.forEach(postgres::setting);
        broker = new KafkaBroker(home.resolve("kafka"), ports.kafka(), ports.kafkaController(), kafkaClasspath,
                logs.resolve("kafka.log"));
        Runnable nothing = () -> { };
        supervisor.add(POSTGRES,
                () -> postgres.start(Duration.ofSeconds(60)), nothing, postgres::close, postgres::kill,
                postgres::handle);
        ownDatabasePorts.forEach((service, port) -> {
            String name = ownDatabaseName(service);
            PostgresServer server = new PostgresServer(home.resolve(name), port, logs.resolve(name + ".log"));
            ownDatabases.put(service, server);
            supervisor.add(name, () -> server.start(Duration.ofSeconds(60)), nothing, server::close, server::kill,
                    server::handle);
        });
        supervisor.add(KAFKA, () -> broker.start(Duration.ofSeconds(90)), nothing, broker::close, broker::kill,
                broker::handle);
        for (SuiteService service : services) {
            List<ServiceProcess> instances = new ArrayList<>();
            for (int k = 0; k < replicas(service); k++) {
                String name = ServiceProcess.instanceName(service, k);
                ServiceProcess process = new ServiceProcess(service, k, application(service), port(service, k),
                        environment(service, k), jvmOptions(), logs.resolve(name + ".log"));
                instances.add(process);
                supervisor.add(name, process::start, () -> process.awaitReady(readyTimeout),
                        () -> process.stop(SERVICE_STOP_GRACE), process::kill, process::handle);
            }
            serviceProcesses.put(service, instances);
        }
    }

    /**
     * Which JVM each service runs on, said in one line per service. On a JDK 25+ a service whose AOT cache is missing,
     * older than its jar or of another JDK first records it in a training run (one service at a time, once the broker
     * is up, before any instance starts); a service without a cache runs on the launcher's own Java with its AppCDS
     * archive.
     */
    private void chooseServiceJava(CompletableFuture<Void> kafkaUp) {
        for (SuiteService service : services) {
            Path application = application(service);
            if (serviceJava.recordsAotCaches() && !serviceJava.hasFreshAotCache(application)) {
                kafkaUp.join();
                recordAotCache(service, application);
            }
            if (!running.get()) {
                throw new IllegalStateException("stopped while recording the services' AOT caches");
            }
            ServiceJava java = serviceJava.forApplication(application);
            log("%s: %s", service.id(), java.describe(application));
            serviceProcesses.get(service).forEach(instance -> instance.useJava(java));
        }
    }

    private void recordAotCache(SuiteService service, Path application) {
        Path recording = AotCacheRecorder.recordingFile(application);
        List<String> options = new ArrayList<>(jvmOptions());
        options.addAll(AotCacheRecorder.recordingOptions(recording));
        Path logFile = home.resolve("logs").resolve(service.id() + "-aot.log");
        ServiceProcess run = new ServiceProcess(service, 0, application, port(service, 0), environment(service, 0),
                options, logFile);
        run.useJava(serviceJava);
        log("%s: recording its AOT cache on Java %d (a training run; %s) ...", service.id(),
                serviceJava.featureVersion(), logFile);
        long started = System.nanoTime();
        training = run;
        // under instance 0's pid file: the watchdog and the next start stop it if this JVM dies meanwhile
        boolean recorded = AotCacheRecorder.record(run, recording, readyTimeout,
                jvm -> suiteHome.writePid(run.name(), jvm));
        suiteHome.removePid(run.name());
        training = null;
        if (recorded) {
            try {
                serviceJava.recordedAotCache(application);
            } catch (IOException e) {
                log("%s: the AOT cache's JDK cannot be noted (%s): it is recorded again at the next start",
                        service.id(), e.getMessage());
            }
            log("%s: AOT cache recorded in %.1f s", service.id(), (System.nanoTime() - started) / 1e9);
        } else {
            log("%s: recording its AOT cache failed (see %s)", service.id(), logFile);
        }
    }

    private Path application(SuiteService service) {
        return repository.resolve(service.id()).resolve("target").resolve("quarkus-app");
    }

    /** The port of instance {@code k} of a service: the service's port + 100·k. */
    int port(SuiteService service, int instance) {
        return ports.of(service) + INSTANCE_PORT_STEP * instance;
    }

    /**
     * The environment of an instance of a service: everything it needs to find the database, the broker and the
     * keys, and its name (URBANINVEST_INSTANCE: its Kafka clients' ids, its database sessions' application name).
     */
    Map<String, String> environment(SuiteService service, int instance) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:"
                + ownDatabasePorts.getOrDefault(service, ports.postgres()) + "/" + service.database());
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ports.kafka());
        env.put("MP_JWT_VERIFY_ISSUER", TokenIssuer.DEFAULT_ISSUER);
        if (keySet != null) { // once started
            // a JWK Set over HTTP: read again once its max-age has passed, so keys rotate without a restart
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keySet.url());
        }
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port(service, instance)));
        env.put("URBANINVEST_INSTANCE", ServiceProcess.instanceName(service, instance));
        // where consumers fetch the schemas named by ce_dataschema: instance 0 of the producing service
        env.put("URBANINVEST_OUTBOX_SCHEMA_BASE_URL", "http://127.0.0.1:" + port(service, 0) + "/api/v1/schemas/events");
        // every event carries its trace context; traces are recorded and exported when a collector is named (--otlp)
        if (otlp != null) {
            env.put("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", otlp);
            env.put("QUARKUS_DATASOURCE_JDBC_TELEMETRY_ENABLED", "true"); // the SQL statements' spans
            if (System.getenv("QUARKUS_OTEL_TRACES_SAMPLER_ARG") == null) { // the user's share wins
                env.put("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "1.0");
            }
        }
        if (service == SuiteService.INVESTMENT) {
            env.put("QUARKUS_REST_CLIENT_PROJECT_SERVICE_URL", "http://127.0.0.1:" + ports.project());
        }
        if (tokens != null && TokenIssuer.SIGNING_SERVICES.contains(service.id())) {
            // its own key (kid service-…), which the services accept for the service role only
            env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", "file:" + tokens.serviceKeyFile(service.id()));
        }
        env.putAll(extraEnvironment);
        return env;
    }

    private List<String> jvmOptions() {
        List<String> options = new ArrayList<>(serviceJvmOptions);
        // names the home on the command line: the watchdog and the left-over check only touch such processes
        options.add("-Durbaninvest.home=" + home);
        // a consumer instance that dies (kill -9, a crash) gives its partitions up after 10 s, not Kafka's 45: on one
        // machine the launcher starts it again at once, and its partitions wait until the session ends
        options.add("-Dmp.messaging.connector.smallrye-kafka.session.timeout.ms=10000");
        options.add("-Dmp.messaging.connector.smallrye-kafka.heartbeat.interval.ms=2000");
        return options;
    }

    /** Processes a previous run left behind (its JVM was killed together with its watchdog): stop them. */
    private void stopLeftovers() {
        List<String> order = new ArrayList<>(Watchdog.instanceNames());
        for (SuiteService service : SuiteService.values()) {
            order.add(service.id()); // the name of a service's one process before instances had names
        }
        order.add(KAFKA);
        for (SuiteService service : SuiteService.values()) {
            order.add(ownDatabaseName(service));
        }
        order.add(POSTGRES);
        suiteHome.stopLeftovers(order, SERVICE_STOP_GRACE);
    }

    private void checkPortsFree() {
        Map<String, Integer> wanted = new LinkedHashMap<>(ports.byUse());
        for (SuiteService service : SuiteService.values()) {
            wanted.remove(service.id());
            for (int k = 0; k < replicas(service); k++) {
                wanted.put(ServiceProcess.instanceName(service, k), port(service, k));
            }
        }
        ownDatabasePorts.forEach((service, port) -> wanted.put("PostgreSQL of " + service.id(), port));
        List<String> busy = new ArrayList<>();
        wanted.forEach((use, port) -> {
            if (!Ports.isFree(port)) {
                busy.add(port + " (" + use + ")");
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("port " + String.join(", ", busy) + " already in use on 127.0.0.1: is "
                    + "another ./run.sh running? Stop it, or choose other ports (--port-offset)");
        }
    }

    private void log(String format, Object... args) {
        log.accept(String.format(format, args));
    }

    private String defaultKafkaClasspath() {
        Path libs = repository.resolve("deploy").resolve("local").resolve("target").resolve("lib");
        return Files.isDirectory(libs) ? libs + "/*" : KafkaBroker.currentClasspath();
    }

    /** How the suite is put together; every setting has the default {@code ./run.sh} uses. */
    public static final class Builder {
        private Path home = Path.of(".local");
        private Path repository = Path.of(".");
        private Ports ports = Ports.DEFAULTS;
        private Set<SuiteService> services = EnumSet.allOf(SuiteService.class);
        private final Map<SuiteService, Integer> replicas = new EnumMap<>(SuiteService.class);
        private final Map<SuiteService, Integer> ownDatabasePorts = new EnumMap<>(SuiteService.class);
        private List<String> serviceJvmOptions = DEFAULT_SERVICE_JVM_OPTIONS;
        private ServiceJava serviceJava = ServiceJava.launcher();
        private final Map<String, String> postgresSettings = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private String otlp;
        private String kafkaClasspath;
        private Duration readyTimeout = Duration.ofMinutes(3);
        private boolean supervised = true;
        private boolean reset;
        private Consumer<String> log = line -> System.out.println(
                LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " " + line);

        private Builder() {
        }

        /** State: PostgreSQL data, Kafka logs, keys, logs, pid files. */
        public Builder home(Path home) {
            this.home = home;
            return this;
        }

        /** The repository root: the services' {@code target/quarkus-app} folders are found under it. */
        public Builder repository(Path repository) {
            this.repository = repository;
            return this;
        }

        public Builder ports(Ports ports) {
            this.ports = ports;
            return this;
        }

        /** Which services to run (all three by default); PostgreSQL and the broker always run. */
        public Builder services(Set<SuiteService> services) {
            if (services.isEmpty()) {
                this.services = EnumSet.noneOf(SuiteService.class);
            } else {
                this.services = EnumSet.copyOf(services);
            }
            return this;
        }

        /** Runs {@code count} instances of {@code service} (default 1), instance k on the service's port + 100·k. */
        public Builder replicas(SuiteService service, int count) {
            if (count < 1 || count > LauncherOptions.MAX_REPLICAS) {
                throw new IllegalArgumentException("replicas of " + service.id() + " must be 1 to "
                        + LauncherOptions.MAX_REPLICAS + ", not " + count);
            }
            replicas.put(service, count);
            return this;
        }

        /** Runs instances per service as given (services not named keep 1). */
        public Builder replicas(Map<SuiteService, Integer> counts) {
            counts.forEach(this::replicas);
            return this;
        }

        /**
         * Puts the database of {@code service} on a PostgreSQL server of its own, listening on {@code port}, instead
         * of the shared one: e.g. to take one service's database away while the others keep theirs.
         */
        public Builder ownDatabaseServer(SuiteService service, int port) {
            ownDatabasePorts.put(service, port);
            return this;
        }

        /** The services' JVM options (heap, GC); the start-up cache of {@link #serviceJava} is added by itself. */
        public Builder serviceJvmOptions(List<String> options) {
            this.serviceJvmOptions = List.copyOf(options);
            return this;
        }

        /**
         * The JDK the services run on (default: the launcher's own, with the AppCDS archives the build wrote). On a
         * JDK 25 or newer each service runs with an AOT cache, recorded at start where missing, older than its jar or
         * of another JDK; a service whose recording failed runs on the launcher's Java. {@code ./run.sh} passes
         * {@link ServiceJava#fromEnvironment()}.
         */
        public Builder serviceJava(ServiceJava java) {
            this.serviceJava = java;
            return this;
        }

        /** A server parameter of the suite's PostgreSQL ({@code postgres -c key=value}), e.g. for a benchmark. */
        public Builder postgresSetting(String key, String value) {
            this.postgresSettings.put(key, value);
            return this;
        }

        /** An environment variable for every service, e.g. a log level; applied last. */
        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /**
         * Turns the services' tracing on and sends their spans to this OTLP collector ({@code ./run.sh --otlp URL});
         * {@code null} (the default) keeps it off.
         */
        public Builder otlp(String endpoint) {
            this.otlp = endpoint;
            return this;
        }

        /** The classpath of the broker's JVM (default: {@code deploy/local/target/lib/*}). */
        public Builder kafkaClasspath(String classpath) {
            this.kafkaClasspath = classpath;
            return this;
        }

        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        /** Whether a process that dies is started again (default true). */
        public Builder supervised(boolean supervised) {
            this.supervised = supervised;
            return this;
        }

        /** Whether to wipe the home's state (databases, broker logs, keys, logs) before starting. */
        public Builder reset(boolean reset) {
            this.reset = reset;
            return this;
        }

        /** Where progress lines go (default: standard output with a time). */
        public Builder log(Consumer<String> log) {
            this.log = log;
            return this;
        }

        public LocalSuite build() {
            return new LocalSuite(this);
        }
    }
}
