package org.urbaninvest.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Small process chores the launcher's children share. */
final class Processes {

    private static final boolean SETSID = Files.isExecutable(Path.of("/usr/bin/setsid"))
            || Files.isExecutable(Path.of("/bin/setsid"));

    private Processes() {
    }

    /**
     * The command run in a session of its own ({@code setsid}, which execs in place and keeps the pid), so that a
     * Ctrl-C in the terminal reaches only the launcher, which then stops its children in order.
     */
    static List<String> inOwnSession(List<String> command) {
        if (!SETSID) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(command.size() + 1);
        wrapped.add("setsid");
        wrapped.addAll(command);
        return wrapped;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Sends a signal by name ({@code INT}, {@code QUIT}, ...) to a process. */
    static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits up to {@code within} for the process to end; true when it has. */
    static boolean awaitExit(ProcessHandle process, Duration within) {
        try {
            process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (Exception timeout) {
            return !process.isAlive();
        }
    }

    /** SIGTERM, then SIGKILL if the process is still there after {@code grace}. */
    static void terminate(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!awaitExit(process, grace)) {
            process.destroyForcibly();
            awaitExit(process, Duration.ofSeconds(10));
        }
    }

    /** SIGKILL and wait for the end. */
    static void kill(ProcessHandle process) {
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(10));
    }

    /** The live process with that pid whose command line mentions {@code marker} (guards against pid reuse). */
    static Optional<ProcessHandle> liveWithMarker(long pid, String marker) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return handle;
        }
        try {
            String commandLine = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"),
                    StandardCharsets.UTF_8);
            return commandLine.contains(marker) ? handle : Optional.empty();
        } catch (IOException | RuntimeException e) {
            String commandLine = handle.get().info().commandLine().orElse("");
            return commandLine.contains(marker) ? handle : Optional.empty();
        }
    }
}
