package org.urbaninvest.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process), started from
 * the Kafka jars in its own JVM, with its log directory kept between restarts.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path home;
    private final int port;
    private final int controllerPort;
    private final String classpath;
    private final Path logFile;
    private volatile Process process;

    /**
     * @param home the broker's directory: {@code server.properties} and the log directory {@code data/}
     * @param classpath the JVM classpath holding {@code kafka_2.13} and its dependencies
     */
    public KafkaBroker(Path home, int port, int controllerPort, String classpath, Path logFile) {
        this.home = home;
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
        this.logFile = logFile;
    }

    /** The classpath of the running JVM, which holds the Kafka jars wherever this class is used. */
    public static String currentClasspath() {
        String fromSurefire = System.getProperty("surefire.test.class.path");
        return fromSurefire != null && !fromSurefire.isBlank() ? fromSurefire : System.getProperty("java.class.path");
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized KafkaBroker start(Duration readyWithin) {
        try {
            Files.createDirectories(home);
            Path config = writeConfig();
            if (!Files.exists(home.resolve("data").resolve("meta.properties"))) {
                run(List.of("kafka.tools.StorageTool", "format", "-t", UUID.randomUUID().toString(),
                        "-c", config.toString(), "--ignore-formatted"), Duration.ofMinutes(2));
            }
            // in a session of its own: a Ctrl-C in the terminal reaches only whoever started it
            ProcessBuilder server = java(List.of("kafka.Kafka", config.toString()));
            server.command(Processes.inOwnSession(server.command()));
            process = server
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectErrorStream(true)
                    .start();
            awaitReady(readyWithin);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start on port " + port, e);
        }
    }

    public boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    public Path home() {
        return home;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        Process current = process;
        return current == null ? -1 : current.pid();
    }

    public ProcessHandle handle() {
        Process current = process;
        return current == null ? null : current.toHandle();
    }

    /** Stops the broker gracefully (SIGTERM), then forcibly if it does not stop in time. */
    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Kills the broker at once (SIGKILL), as a crash would. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private void awaitReady(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        try (Admin client = Admin.create(admin)) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; see " + logFile);
                }
                try {
                    client.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    // the broker is still starting; the admin client waited for its timeout
                }
            }
        }
        throw new IllegalStateException("Kafka not ready within " + within + "; see " + logFile);
    }

    private Path writeConfig() throws IOException {
        Path config = home.resolve("server.properties");
        Map<String, String> settings = Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", home.resolve("data").toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "3"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("log.retention.hours", "-1"),
                Map.entry("log.cleaner.enable", "true"));
        List<String> lines = new ArrayList<>();
        settings.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> lines.add(e.getKey() + "=" + e.getValue()));
        Files.write(config, lines);
        return config;
    }

    private void run(List<String> mainAndArgs, Duration within) throws IOException {
        Process tool = java(mainAndArgs)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectErrorStream(true)
                .start();
        try {
            if (!tool.waitFor(within.toSeconds(), TimeUnit.SECONDS) || tool.exitValue() != 0) {
                tool.destroyForcibly();
                throw new IllegalStateException("Kafka storage format failed; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private ProcessBuilder java(List<String> mainAndArgs) throws IOException {
        Files.createDirectories(logFile.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms128m", "-Xmx512m", "-XX:+UseG1GC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + log4jConfig()));
        command.add("-cp");
        command.add(classpath);
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("CLASSPATH");
        return builder;
    }

    private String log4jConfig() throws IOException {
        Path log4j = home.resolve("log4j2.properties");
        if (!Files.exists(log4j)) {
            Files.writeString(log4j, String.join(System.lineSeparator(),
                    "status = warn",
                    "appender.out.type = Console",
                    "appender.out.name = out",
                    "appender.out.layout.type = PatternLayout",
                    "appender.out.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
                    "rootLogger.level = warn",
                    "rootLogger.appenderRef.out.ref = out",
                    "logger.kafka.name = kafka.server.KafkaRaftServer",
                    "logger.kafka.level = info",
                    ""));
        }
        return log4j.toAbsolutePath().toString();
    }
}
