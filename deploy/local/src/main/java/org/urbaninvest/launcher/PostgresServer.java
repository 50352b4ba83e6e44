package org.urbaninvest.launcher;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server, from the binaries published on Maven Central, running as a child process in a
 * session of its own, with its data in a directory that survives restarts. As root it runs in a user namespace
 * ({@code unshare -U}), since PostgreSQL refuses to run as root.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final Path dataDirectory;
    private final int port;
    private final Path logFile;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private Path binaries;
    private volatile Process process;

    public PostgresServer(Path dataDirectory, int port) {
        this(dataDirectory, port, dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log"));
    }

    /** @param logFile where the server's own log goes (appended) */
    public PostgresServer(Path dataDirectory, int port, Path logFile) {
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.port = port;
        this.logFile = logFile.toAbsolutePath();
        settings.put("listen_addresses", "127.0.0.1");
        settings.put("unix_socket_directories", "");
        settings.put("max_connections", "300");
        settings.put("timezone", "UTC");
        settings.put("fsync", "on");
        settings.put("synchronous_commit", "on"); // a 2xx write survives a crash of the server
    }

    /** Sets a server parameter ({@code postgres -c key=value}) for the next start. */
    public synchronized PostgresServer setting(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /** Starts the server (running {@code initdb} first on an empty directory) and waits until it answers. */
    public PostgresServer start() {
        return start(Duration.ofSeconds(60));
    }

    public synchronized PostgresServer start(Duration readyWithin) {
        if (isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(logFile.getParent());
            if (binaries == null) {
                binaries = PostgresBinaries.unpacked(PostgresBinaries.defaultCache());
            }
            if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
                initdb();
            }
            List<String> command = new ArrayList<>(asServerUser(binary("postgres")));
            command.addAll(List.of("-D", dataDirectory.toString(), "-p", Integer.toString(port)));
            settings.forEach((key, value) -> command.addAll(List.of("-c", key + "=" + value)));
            process = new ProcessBuilder(Processes.inOwnSession(command))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            awaitReady(readyWithin);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
        }
    }

    /** Creates each database that does not exist yet. */
    public void createDatabases(List<String> names) {
        try (Connection connection = connect("postgres")) {
            for (String name : names) {
                try (PreparedStatement exists = connection.prepareStatement(
                        "SELECT 1 FROM pg_database WHERE datname = ?")) {
                    exists.setString(1, name);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create databases " + names, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Path logFile() {
        return logFile;
    }

    /** The postmaster's process id, read from its pid file, if the server is running. */
    public OptionalLong pid() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return OptionalLong.empty();
            }
            String first = Files.readAllLines(pidFile).get(0).trim();
            return OptionalLong.of(Long.parseLong(first));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Whether the server process this object started is running. */
    public boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** The server process this object started, or null. */
    public ProcessHandle handle() {
        Process current = process;
        return current == null ? null : current.toHandle();
    }

    /** Whether the server answers a query now. */
    public boolean isHealthy() {
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Stops the server: a fast shutdown (SIGINT), an immediate one (SIGQUIT) if that takes too long. */
    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        ProcessHandle server = process.toHandle();
        if (server.isAlive()) {
            Processes.signal(server.pid(), "INT");
            if (!Processes.awaitExit(server, Duration.ofSeconds(30))) {
                Processes.signal(server.pid(), "QUIT");
                if (!Processes.awaitExit(server, Duration.ofSeconds(10))) {
                    Processes.kill(server);
                }
            }
        }
        process = null;
    }

    /** Kills the server at once (SIGKILL), as a crash would; it recovers from its WAL on the next start. */
    public synchronized void kill() {
        if (process != null) {
            Processes.kill(process.toHandle());
            process = null;
        }
    }

    private void initdb() throws IOException {
        Files.createDirectories(dataDirectory);
        List<String> command = new ArrayList<>(asServerUser(binary("initdb")));
        command.addAll(List.of("-A", "trust", "-U", USER, "-D", dataDirectory.toString(), "-E", "UTF-8",
                "--no-locale", "--no-instructions"));
        Process initdb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        try {
            if (!initdb.waitFor(2, TimeUnit.MINUTES) || initdb.exitValue() != 0) {
                initdb.destroyForcibly();
                throw new IllegalStateException("initdb failed for " + dataDirectory + "; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running initdb", e);
        }
    }

    private void awaitReady(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PostgreSQL exited with " + process.exitValue() + " on port " + port
                        + ": " + lastLines(5) + " (see " + logFile + ")");
            }
            if (isHealthy()) {
                return;
            }
            Processes.awaitExit(process.toHandle(), Duration.ofMillis(100));
        }
        throw new IllegalStateException("PostgreSQL not ready within " + within + "; see " + logFile);
    }

    private Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("connectTimeout", "2");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    private String binary(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    /** PostgreSQL refuses root: as root, run it as an unprivileged user of a user namespace. */
    private static List<String> asServerUser(String binary) {
        return LinuxUtils.isUnshareAvailable() ? List.of("unshare", "-U", binary) : List.of(binary);
    }

    private String lastLines(int count) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
