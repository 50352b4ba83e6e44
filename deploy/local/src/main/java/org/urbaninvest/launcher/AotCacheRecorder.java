package org.urbaninvest.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Records a service's AOT cache ({@code quarkus-app/app.aot}) in a training run of its own, before the suite's
 * services start: one JVM on the JDK 25+ with {@code -XX:AOTCacheOutput}, started like instance 0 (same port and
 * environment, against the suite's PostgreSQL and Kafka), stopped with SIGTERM once ready. At its exit that JVM
 * writes its training record ({@code <output>.config}) and runs a child JVM that assembles the cache from it; this
 * class waits for both, however long the assembly takes (up to {@link #ASSEMBLY_BOUND}, never the services' stop
 * grace), and keeps the cache only when the JVM reported it complete. One service at a time: two assemblies never
 * share the machine, and every recording writes files named for itself.
 */
final class AotCacheRecorder {

    /** What the JDK prints once the child JVM has written the whole cache. */
    static final String COMPLETE = "AOTCache creation is complete: ";
    static final String OUTPUT_OPTION = "-XX:AOTCacheOutput=";
    /** How long the training JVM may take from SIGTERM until the cache is assembled (~15 s on two busy cores). */
    static final Duration ASSEMBLY_BOUND = Duration.ofMinutes(3);

    private AotCacheRecorder() {
    }

    /**
     * Recordings older than this were cut short by a launcher that was killed (a recording ends within the services'
     * ready time and {@link #ASSEMBLY_BOUND}); a newer one may be another launcher's, still running.
     */
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    /**
     * A new file of its own for one recording into the {@code quarkus-app} folder {@code application}; recordings
     * there that a killed launcher abandoned are removed first (each is as large as a cache).
     */
    static Path recordingFile(Path application) {
        removeAbandoned(application);
        return application.resolve(ServiceJava.AOT_CACHE + "." + UUID.randomUUID() + ".part");
    }

    private static void removeAbandoned(Path application) {
        Instant before = Instant.now().minus(ABANDONED_AFTER);
        try (DirectoryStream<Path> recordings = Files.newDirectoryStream(application,
                ServiceJava.AOT_CACHE + ".*.part*")) {
            for (Path recording : recordings) {
                if (Files.getLastModifiedTime(recording).toInstant().isBefore(before)) {
                    Files.deleteIfExists(recording);
                }
            }
        } catch (IOException e) {
            // not there yet, or unreadable: nothing to remove
        }
    }

    /**
     * Runs {@code training} (whose JVM options record into {@code recording}) until ready, stops it and waits for the
     * cache's assembly; the cache becomes the service's only when complete.
     *
     * @param started told the training JVM's process once it runs (its pid file, for the watchdog)
     * @return whether the service now has its AOT cache
     */
    static boolean record(ServiceProcess training, Path recording, Duration readyTimeout,
            Consumer<ProcessHandle> started) {
        try {
            Files.deleteIfExists(training.logFile());
            training.start();
            started.accept(training.handle());
            training.awaitReady(readyTimeout);
            ProcessHandle jvm = training.handle();
            jvm.destroy(); // SIGTERM: Quarkus stops, then the JVM writes its training record and assembles the cache
            if (!Processes.awaitExit(jvm, ASSEMBLY_BOUND)) {
                // the assembling child first, so it never reads a training record its parent's end removed
                jvm.descendants().forEach(ProcessHandle::destroyForcibly);
                Processes.kill(jvm);
            }
            return keepIfComplete(recording, training.logFile());
        } catch (IOException | RuntimeException e) {
            ProcessHandle jvm = training.handle();
            if (jvm != null) {
                jvm.descendants().forEach(ProcessHandle::destroyForcibly);
            }
            training.kill();
            discard(recording);
            return false;
        }
    }

    /**
     * Makes {@code recording} the cache of its folder when the JVM that wrote it (its output in {@code log}) reported
     * it complete and it is not empty; drops it and the training record left beside it otherwise.
     */
    static boolean keepIfComplete(Path recording, Path log) {
        try {
            boolean complete = Files.isRegularFile(recording) && Files.size(recording) > 0
                    && Files.isRegularFile(log) && Files.readString(log).contains(COMPLETE + recording);
            if (complete) {
                Files.move(recording, recording.resolveSibling(ServiceJava.AOT_CACHE),
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            discard(recording);
            return complete;
        } catch (IOException e) {
            discard(recording);
            return false;
        }
    }

    /** The JVM options that record into {@code recording}. */
    static List<String> recordingOptions(Path recording) {
        return List.of(OUTPUT_OPTION + recording);
    }

    private static void discard(Path recording) {
        try {
            Files.deleteIfExists(recording);
            // the training record, left behind when the assembly failed or was cut short
            Files.deleteIfExists(recording.resolveSibling(recording.getFileName() + ".config"));
        } catch (IOException e) {
            // a stray file in target/, removed by the next build
        }
    }
}
