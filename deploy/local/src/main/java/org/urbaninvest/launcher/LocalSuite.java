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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Everything {@code ./run.sh} runs, as one object: a PostgreSQL server with one database per service, a
 * single-node Kafka broker, and the packaged services, each a child process with its log under
 * {@code <home>/logs}. It keeps them running (a process that dies is started again within seconds) until
 * {@link #stop()}, which stops the services, then the broker, then PostgreSQL.
 *
 * <p>Only one suite may use a home directory at a time ({@code <home>/launcher.lock}). The pid of every child
 * is kept in {@code <home>/run/<name>.pid}; a watchdog process stops them if this JVM dies without stopping them,
 * and the next start stops any that are left over.
 *
 * <p>All databases live on one PostgreSQL server unless a service is given a server of its own
 * ({@link Builder#ownDatabaseServer}), which can then be stopped alone ({@link #stopPostgres(String)}).
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
    private static final Duration QUICK_DEATH = Duration.ofSeconds(60);

    private final Path home;
    private final Path repository;
    private final Ports ports;
    private final Set<SuiteService> services;
    private final Map<SuiteService, Integer> replicas;
    private final Map<SuiteService, Integer> ownDatabasePorts;
    private final List<String> serviceJvmOptions;
    private final Map<String, String> extraEnvironment;
    private final String kafkaClasspath;
    private final Duration readyTimeout;
    private final boolean supervised;
    private final boolean reset;
    private final Consumer<String> log;
    private final SuiteHome suiteHome;

    private final Map<String, Component> components = new LinkedHashMap<>();
    private final Map<SuiteService, List<ServiceProcess>> serviceProcesses = new LinkedHashMap<>();
    private final Map<SuiteService, PostgresServer> ownDatabases = new EnumMap<>(SuiteService.class);
    private final AtomicBoolean running = new AtomicBoolean();
    private final Semaphore wakeUp = new Semaphore(0);
    private final ExecutorService restarts = Executors.newCachedThreadPool(daemon("restart"));
    private PostgresServer postgres;
    private KafkaBroker broker;
    private TokenIssuer tokens;
    private Watchdog watchdog;
    private Thread supervisor;

    private LocalSuite(Builder builder) {
        this.home = builder.home.toAbsolutePath().normalize();
        this.repository = builder.repository.toAbsolutePath().normalize();
        this.ports = builder.ports;
        this.services = EnumSet.copyOf(builder.services);
        this.replicas = new EnumMap<>(builder.replicas);
        this.ownDatabasePorts = new EnumMap<>(builder.ownDatabasePorts);
        this.serviceJvmOptions = List.copyOf(builder.serviceJvmOptions);
        this.extraEnvironment = Map.copyOf(builder.environment);
        this.kafkaClasspath = builder.kafkaClasspath != null ? builder.kafkaClasspath : defaultKafkaClasspath();
        this.readyTimeout = builder.readyTimeout;
        this.supervised = builder.supervised;
        this.reset = builder.reset;
        this.log = builder.log;
        this.suiteHome = new SuiteHome(home, line -> log("%s", line));
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
                watchdog = Watchdog.start(home);
                defineComponents();
            }

            long started = System.nanoTime();
            CompletableFuture<Void> kafkaUp = CompletableFuture.runAsync(() -> components.get(KAFKA).ensureRunning(),
                    restarts);
            components.get(POSTGRES).ensureRunning();
            postgres.createDatabases(DATABASES.stream()
                    .filter(name -> ownDatabases.keySet().stream().noneMatch(s -> s.database().equals(name)))
                    .toList());
            ownDatabases.forEach((service, server) -> {
                components.get(ownDatabaseName(service)).ensureRunning();
                server.createDatabases(List.of(service.database()));
            });
            // the services start while the broker is still starting: their Kafka clients connect when it is up
            List<CompletableFuture<Void>> ready = new ArrayList<>();
            for (ServiceProcess instance : instances()) {
                ready.add(CompletableFuture.runAsync(() -> components.get(instance.name()).ensureRunning(), restarts));
            }
            ready.add(kafkaUp);
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
            log("everything ready in %.1f s", (System.nanoTime() - started) / 1e9);
            if (supervised && running.get()) {
                supervisor = new Thread(this::supervise, "urbaninvest-supervisor");
                supervisor.setDaemon(true);
                supervisor.start();
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
        Thread watcher;
        synchronized (this) {
            if (!running.getAndSet(false) && !suiteHome.isLocked()) {
                return;
            }
            components.values().forEach(component -> component.wanted = false);
            watcher = supervisor;
            supervisor = null;
        }
        if (watcher != null) {
            watcher.interrupt();
        }
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (ServiceProcess instance : instances()) {
            Component component = components.get(instance.name());
            if (component != null) {
                stopping.add(CompletableFuture.runAsync(component::halt, restarts));
            }
        }
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
        if (components.containsKey(KAFKA)) {
            components.get(KAFKA).halt();
        }
        for (SuiteService service : ownDatabases.keySet()) {
            components.get(ownDatabaseName(service)).halt();
        }
        if (components.containsKey(POSTGRES)) {
            components.get(POSTGRES).halt();
        }
        synchronized (this) {
            if (watchdog != null) {
                watchdog.close();
                watchdog = null;
            }
            suiteHome.unlock();
        }
        restarts.shutdown();
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

    public Set<SuiteService> services() {
        return EnumSet.copyOf(services);
    }

    /** The key pair in {@code <home>/keys} the services trust; available once started. */
    public TokenIssuer tokens() {
        return tokens;
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

    /**
     * SIGKILLs an instance as a crash would ({@code name} as in {@link #service(String)}: a service's name means its
     * instance 0); the supervisor starts it again.
     */
    public void killService(String name) {
        component(service(name).name()).crash();
        wakeUp.release();
    }

    /** Stops an instance gracefully and keeps it down until {@link #startService(String)}. */
    public void stopService(String name) {
        Component component = component(service(name).name());
        component.wanted = false;
        component.halt();
    }

    /** Starts an instance (if it is not running) and waits until it is ready. */
    public void startService(String name) {
        Component component = component(service(name).name());
        component.wanted = true;
        component.ensureRunning();
    }

    /** Stops the broker and keeps it down until {@link #startBroker()}. */
    public void stopBroker() {
        Component component = component(KAFKA);
        component.wanted = false;
        component.halt();
    }

    public void startBroker() {
        Component component = component(KAFKA);
        component.wanted = true;
        component.ensureRunning();
    }

    /** SIGKILLs the broker; the supervisor starts it again. */
    public void killBroker() {
        component(KAFKA).crash();
        wakeUp.release();
    }

    /** Stops PostgreSQL (fast shutdown) and keeps it down until {@link #startPostgres()}. */
    public void stopPostgres() {
        Component component = component(POSTGRES);
        component.wanted = false;
        component.halt();
    }

    public void startPostgres() {
        Component component = component(POSTGRES);
        component.wanted = true;
        component.ensureRunning();
    }

    /**
     * Stops the PostgreSQL server of a service that has one of its own ({@link Builder#ownDatabaseServer}) and keeps
     * it down until {@link #startPostgres(String)}; the other services' databases stay up.
     */
    public void stopPostgres(String service) {
        Component component = component(ownDatabaseName(ownDatabaseOf(service)));
        component.wanted = false;
        component.halt();
    }

    public void startPostgres(String service) {
        Component component = component(ownDatabaseName(ownDatabaseOf(service)));
        component.wanted = true;
        component.ensureRunning();
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

    private Component component(String name) {
        Component component = components.get(name);
        if (component == null) {
            throw new IllegalStateException("the suite is not started");
        }
        return component;
    }

    private void defineComponents() {
        Path logs = home.resolve("logs");
        postgres = new PostgresServer(home.resolve("postgres"), ports.postgres(), logs.resolve("postgres.log"));
        broker = new KafkaBroker(home.resolve("kafka"), ports.kafka(), ports.kafkaController(), kafkaClasspath,
                logs.resolve("kafka.log"));
        Runnable nothing = () -> { };
        components.put(POSTGRES, new Component(POSTGRES,
                () -> postgres.start(Duration.ofSeconds(60)), nothing, postgres::close, postgres::kill,
                postgres::handle));
        ownDatabasePorts.forEach((service, port) -> {
            String name = ownDatabaseName(service);
            PostgresServer server = new PostgresServer(home.resolve(name), port, logs.resolve(name + ".log"));
            ownDatabases.put(service, server);
            components.put(name, new Component(name, () -> server.start(Duration.ofSeconds(60)), nothing,
                    server::close, server::kill, server::handle));
        });
        components.put(KAFKA, new Component(KAFKA,
                () -> broker.start(Duration.ofSeconds(90)), nothing, broker::close, broker::kill, broker::handle));
        for (SuiteService service : services) {
            List<ServiceProcess> instances = new ArrayList<>();
            for (int k = 0; k < replicas(service); k++) {
                String name = ServiceProcess.instanceName(service, k);
                ServiceProcess process = new ServiceProcess(service, k,
                        repository.resolve(service.id()).resolve("target").resolve("quarkus-app"),
                        port(service, k), environment(service, k), jvmOptions(), logs.resolve(name + ".log"));
                instances.add(process);
                components.put(name, new Component(name, process::start,
                        () -> process.awaitReady(readyTimeout), () -> process.stop(SERVICE_STOP_GRACE), process::kill,
                        process::handle));
            }
            serviceProcesses.put(service, instances);
        }
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
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:" + home.resolve("keys").resolve("publicKey.pem"));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port(service, instance)));
        env.put("URBANINVEST_INSTANCE", ServiceProcess.instanceName(service, instance));
        // no trace collector runs locally; set OTEL_EXPORTER_OTLP_ENDPOINT to send traces to one
        if (System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT") == null) {
            env.put("QUARKUS_OTEL_SDK_DISABLED", "true");
        }
        if (service == SuiteService.INVESTMENT) {
            env.put("QUARKUS_REST_CLIENT_PROJECT_SERVICE_URL", "http://127.0.0.1:" + ports.project());
            env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", "file:" + home.resolve("keys").resolve("privateKey.pem"));
        }
        env.putAll(extraEnvironment);
        return env;
    }

    private List<String> jvmOptions() {
        List<String> options = new ArrayList<>(serviceJvmOptions);
        // names the home on the command line: the watchdog and the left-over check only touch such processes
        options.add("-Durbaninvest.home=" + home);
        return options;
    }

    private void supervise() {
        while (running.get()) {
            try {
                wakeUp.tryAcquire(1, TimeUnit.SECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
            for (Component component : components.values()) {
                if (running.get() && component.needsRestart()) {
                    component.restarting.set(true);
                    restarts.execute(component::restart);
                }
            }
        }
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

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, "urbaninvest-" + name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * One supervised process: how to launch it, wait until it is ready, stop it, kill it, and see it. Launching and
     * stopping take turns (a stop never misses a process being launched); waiting for readiness does not block a stop.
     */
    private final class Component {
        private final String name;
        private final Runnable launcher;
        private final Runnable readiness;
        private final Runnable stopper;
        private final Runnable killer;
        private final Supplier<ProcessHandle> handle;
        private final Object gate = new Object();
        private final AtomicBoolean restarting = new AtomicBoolean();
        private volatile boolean wanted = true;
        private volatile long startedAt;
        private int quickDeaths;

        Component(String name, Runnable launcher, Runnable readiness, Runnable stopper, Runnable killer,
                Supplier<ProcessHandle> handle) {
            this.name = name;
            this.launcher = launcher;
            this.readiness = readiness;
            this.stopper = stopper;
            this.killer = killer;
            this.handle = handle;
        }

        boolean alive() {
            ProcessHandle process = handle.get();
            return process != null && process.isAlive();
        }

        boolean needsRestart() {
            return wanted && !restarting.get() && !alive();
        }

        /** Launches the process unless it runs or is not wanted, then waits until it is ready. */
        void ensureRunning() {
            synchronized (gate) {
                if (!wanted || !running.get()) {
                    throw new IllegalStateException(name + " is stopped");
                }
                if (!alive()) {
                    startedAt = System.nanoTime();
                    try {
                        launcher.run();
                    } finally {
                        ProcessHandle process = handle.get();
                        if (process != null) {
                            suiteHome.writePid(name, process);
                            process.onExit().thenRun(wakeUp::release);
                        }
                    }
                }
            }
            readiness.run();
        }

        void halt() {
            synchronized (gate) {
                stopper.run();
                suiteHome.removePid(name);
            }
        }

        void crash() {
            synchronized (gate) {
                killer.run();
            }
        }

        void restart() {
            try {
                long ranFor = System.nanoTime() - startedAt;
                quickDeaths = ranFor < QUICK_DEATH.toNanos() ? quickDeaths + 1 : 0;
                long delaySeconds = quickDeaths == 0 ? 0 : Math.min(8, 1L << Math.min(3, quickDeaths - 1));
                log("%s is not running; starting it again%s", name,
                        delaySeconds == 0 ? "" : " in " + delaySeconds + " s");
                if (delaySeconds > 0) {
                    Thread.sleep(delaySeconds * 1000);
                }
                if (!wanted || !running.get()) {
                    return;
                }
                long begin = System.nanoTime();
                ensureRunning();
                ProcessHandle process = handle.get();
                log("%s is back (pid %s), ready after %.1f s", name, process == null ? "?" : process.pid(),
                        (System.nanoTime() - begin) / 1e9);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (wanted && running.get()) {
                    log("%s did not come back: %s", name, e.getMessage());
                }
            } finally {
                restarting.set(false);
                wakeUp.release();
            }
        }
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
        private final Map<String, String> environment = new LinkedHashMap<>();
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

        /** The services' JVM options (heap, GC); an AppCDS archive next to a service's jar is used by itself. */
        public Builder serviceJvmOptions(List<String> options) {
            this.serviceJvmOptions = List.copyOf(options);
            return this;
        }

        /** An environment variable for every service, e.g. a log level; applied last. */
        public Builder environment(String name, String value) {
            environment.put(name, value);
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
