package org.urbaninvest.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One packaged Quarkus service ({@code <module>/target/quarkus-app/quarkus-run.jar}) running as a child process
 * in a session of its own, configured through its environment, its output appended to its log file.
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final SuiteService service;
    private final int instance;
    private final Path application;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path logFile;
    private volatile ServiceJava java = ServiceJava.launcher();
    private volatile Process process;

    /**
     * @param instance    which instance of the service this is (0-based)
     * @param application the {@code quarkus-app} folder
     * @param jvmOptions  the JVM's options (heap, GC, ...); the start-up cache of {@link #java()} is added by itself
     */
    public ServiceProcess(SuiteService service, int instance, Path application, int port,
            Map<String, String> environment, List<String> jvmOptions, Path logFile) {
        this.service = service;
        this.instance = instance;
        this.application = application;
        this.port = port;
        this.environment = new LinkedHashMap<>(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.logFile = logFile;
    }

    public SuiteService service() {
        return service;
    }

    /** The instance's name, e.g. {@code project-service-1}: its log file's, pid file's and Kafka clients' name. */
    public String name() {
        return instanceName(service, instance);
    }

    /** Which instance of its service this is (0-based; instance k listens on the service's port + 100·k). */
    public int instance() {
        return instance;
    }

    public static String instanceName(SuiteService service, int instance) {
        return service.id() + "-" + instance;
    }

    public int port() {
        return port;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    /** The JVM this instance runs on (the launcher's own unless the suite chose another), with its start-up cache. */
    public ServiceJava java() {
        return java;
    }

    /** Runs this instance on {@code java} from its next start. */
    void useJava(ServiceJava java) {
        this.java = java;
    }

    public Path jar() {
        return application.resolve("quarkus-run.jar");
    }

    /** Launches the JVM (does not wait for readiness). */
    public synchronized void start() {
        if (isAlive()) {
            return;
        }
        if (!Files.isRegularFile(jar())) {
            throw new IllegalStateException(jar() + " is missing: build the services first (./run.sh builds them, "
                    + "or mvn -DskipTests package)");
        }
        try {
            Files.createDirectories(logFile.getParent());
            List<String> command = command();
            ProcessBuilder builder = new ProcessBuilder(Processes.inOwnSession(command))
                    .directory(application.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().remove("CLASSPATH");
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name(), e);
        }
    }

    List<String> command() {
        List<String> command = new ArrayList<>();
        ServiceJava java = this.java;
        command.add(java.executable());
        command.addAll(jvmOptions);
        command.addAll(java.startUpCache(application));
        command.add("-jar");
        command.add(jar().toString());
        return command;
    }

    /** Whether {@code /q/health/ready} answers 200 now. */
    public boolean isReady() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until the service is ready; fails at once if its process ends. */
    public void awaitReady(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            ProcessHandle current = handle();
            if (current == null || !current.isAlive()) {
                throw new IllegalStateException(name() + " exited during start-up; see " + logFile);
            }
            if (isReady()) {
                return;
            }
            Processes.awaitExit(current, Duration.ofMillis(250));
        }
        throw new IllegalStateException(name() + " not ready within " + within + "; see " + logFile);
    }

    public boolean isAlive() {
        ProcessHandle current = handle();
        return current != null && current.isAlive(); // the supervisor's notion of alive, so a restart never skips
    }

    /** The running process, or null. */
    public ProcessHandle handle() {
        Process current = process;
        return current == null ? null : current.toHandle();
    }

    public long pid() {
        Process current = process;
        return current == null ? -1 : current.pid();
    }

    /** A graceful stop (SIGTERM: Quarkus finishes its requests), SIGKILL after {@code grace}. */
    public synchronized void stop(Duration grace) {
        if (process != null) {
            Processes.terminate(process.toHandle(), grace);
            process = null;
        }
    }

    /** SIGKILL, as a crash would. */
    public synchronized void kill() {
        if (process != null) {
            Processes.kill(process.toHandle());
            process = null;
        }
    }
}
