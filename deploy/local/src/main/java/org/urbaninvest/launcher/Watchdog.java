package org.urbaninvest.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops the suite's processes when the JVM that started them dies without stopping them (SIGKILL, a crash).
 *
 * <p>A tiny {@code /bin/sh} process in its own session blocks reading a pipe from this JVM. When the JVM dies,
 * the pipe closes, the read returns, and the script stops every process listed in {@code <home>/run/*.pid}
 * (services, then the broker, then every PostgreSQL server), but only those whose command line names the home directory, so
 * a reused pid is never touched. On a normal stop the suite stops its processes itself and then ends the
 * watchdog.
 */
final class Watchdog implements AutoCloseable {

    static final String SCRIPT = String.join("\n",
            "home=\"$1\"",
            "while read -r _; do :; done",
            "ours() { [ -r \"/proc/$1/cmdline\" ] && tr '\\000' ' ' < \"/proc/$1/cmdline\" | grep -qF -- \"$home\"; }",
            "stop() {",
            "  sig=$1; shift; pids=''",
            "  for name in \"$@\"; do",
            "    file=\"$home/run/$name.pid\"; [ -f \"$file\" ] || continue",
            "    pid=$(cat \"$file\"); ours \"$pid\" && kill -s \"$sig\" \"$pid\" && pids=\"$pids $pid\"",
            "  done",
            "  tries=0",
            "  while [ $tries -lt 25 ]; do",
            "    alive=''; for pid in $pids; do ours \"$pid\" && alive=\"$alive $pid\"; done",
            "    [ -z \"$alive\" ] && return 0",
            "    sleep 1; tries=$((tries + 1))",
            "  done",
            "  for pid in $alive; do kill -s KILL \"$pid\"; done",
            "}",
            "stop TERM " + String.join(" ", instanceNames()),
            "stop TERM kafka",
            "stop INT $(cd \"$home/run\" 2>/dev/null && ls postgres*.pid 2>/dev/null | sed 's/[.]pid$//')",
            "");

    private final Process process;

    private Watchdog(Process process) {
        this.process = process;
    }

    static Watchdog start(Path home) {
        try {
            List<String> command = Processes.inOwnSession(
                    List.of("/bin/sh", "-c", SCRIPT, "urbaninvest-watchdog", home.toString()));
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new Watchdog(process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the watchdog", e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Ends the watchdog without it stopping anything (the suite has stopped its processes itself). */
    @Override
    public void close() {
        Processes.kill(process.toHandle());
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the pipe's other end is gone already
        }
    }

    /** The pid file names every service instance may have ({@code <service>-<k>}). */
    static List<String> instanceNames() {
        List<String> names = new ArrayList<>();
        for (SuiteService service : SuiteService.values()) {
            for (int k = 0; k < LauncherOptions.MAX_REPLICAS; k++) {
                names.add(ServiceProcess.instanceName(service, k));
            }
        }
        return names;
    }
}
