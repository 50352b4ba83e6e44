package org.urbaninvest.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A suite's home directory: the lock that lets one launcher use it at a time ({@code launcher.lock}, holding the
 * launcher's pid), the pid file of every child ({@code run/<name>.pid}), and the wipe of {@code --reset}.
 */
final class SuiteHome {

    private static final String LOCK_FILE = "launcher.lock";

    private final Path home;
    private final Consumer<String> log;
    private FileChannel lockChannel;
    private FileLock lock;

    SuiteHome(Path home, Consumer<String> log) {
        this.home = home;
        this.log = log;
    }

    /** Takes the home for this launcher, or fails naming the launcher that has it. */
    synchronized void lock() throws IOException {
        Path file = home.resolve(LOCK_FILE);
        lockChannel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
            lockChannel.close();
            lockChannel = null;
            throw new IllegalStateException("another launcher is running with " + home
                    + (holder.isEmpty() ? "" : " (pid " + holder + ")") + "; stop it first (Ctrl-C)");
        }
        lockChannel.truncate(0);
        lockChannel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    synchronized boolean isLocked() {
        return lock != null;
    }

    synchronized void unlock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        } finally {
            lock = null;
            lockChannel = null;
        }
    }

    /**
     * Stops, in the given order, the processes a previous run left behind (its JVM was killed together with its
     * watchdog): only those whose command line names this home, PostgreSQL with a fast shutdown.
     */
    void stopLeftovers(List<String> names, Duration grace) {
        for (String name : names) {
            Path pidFile = pidFile(name);
            try {
                if (Files.exists(pidFile)) {
                    long pid = Long.parseLong(Files.readString(pidFile).trim());
                    Processes.liveWithMarker(pid, home.toString()).ifPresent(process -> {
                        log.accept(String.format("stopping %s (pid %d) left over from a previous run", name, pid));
                        if (name.startsWith(LocalSuite.POSTGRES)) {
                            Processes.signal(pid, "INT");
                            if (!Processes.awaitExit(process, Duration.ofSeconds(30))) {
                                Processes.kill(process);
                            }
                        } else {
                            Processes.terminate(process, grace);
                        }
                    });
                    Files.deleteIfExists(pidFile);
                }
            } catch (IOException | RuntimeException e) {
                log.accept(String.format("cannot check %s: %s", pidFile, e.getMessage()));
            }
        }
    }

    /** Deletes the state (databases, broker logs, keys, logs) but not the lock and the launcher's own log. */
    void wipe() throws IOException {
        log.accept("wiping " + home);
        try (var children = Files.list(home)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                if (child.getFileName().toString().equals(LOCK_FILE)) {
                    continue;
                }
                if (child.getFileName().toString().equals("logs")) {
                    try (var logs = Files.list(child)) {
                        for (Path file : (Iterable<Path>) logs::iterator) {
                            if (!file.getFileName().toString().equals("launcher.log")) {
                                deleteTree(file);
                            }
                        }
                    }
                    continue;
                }
                deleteTree(child);
            }
        }
    }

    void writePid(String name, ProcessHandle process) {
        try {
            Files.writeString(pidFile(name), process.pid() + "\n");
        } catch (IOException e) {
            log.accept(String.format("cannot record the pid of %s: %s", name, e.getMessage()));
        }
    }

    void removePid(String name) {
        try {
            Files.deleteIfExists(pidFile(name));
        } catch (IOException ignored) {
            // a stale pid file is checked against the command line before use
        }
    }

    private Path pidFile(String name) {
        return home.resolve("run").resolve(name + ".pid");
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            try (var walk = Files.walk(root)) {
                for (Path path : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(path);
                }
            }
        } else {
            Files.deleteIfExists(root);
        }
    }
}
