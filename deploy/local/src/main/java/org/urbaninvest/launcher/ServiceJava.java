package org.urbaninvest.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM the services run on and its start-up cache. By default the launcher's own Java with the AppCDS
 * archive the build wrote. With {@code URBANINVEST_SERVICE_JAVA_HOME} pointing at a JDK 25 or newer, the
 * services run there with an AOT cache (JEP 483/515): the first start after a build records it (the JVM writes
 * {@code app.aot} when the service stops), later starts use it.
 */
record ServiceJava(Path home, int featureVersion) {

    static final String HOME_VARIABLE = "URBANINVEST_SERVICE_JAVA_HOME";
    private static final int AOT_CACHE_SINCE = 25;
    private static final String AOT_CACHE = "app.aot";
    private static final String RECORD = "-XX:AOTCacheOutput=";
    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    static ServiceJava fromEnvironment() {
        String configured = System.getenv(HOME_VARIABLE);
        Path home = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("java.home")) : Path.of(configured);
        return new ServiceJava(home, featureVersion(home));
    }

    String executable() {
        return home.resolve("bin").resolve("java").toString();
    }

    /**
     * The options that load (or record) the start-up cache of the {@code quarkus-app} folder. A JVM records into
     * a file of its own, which {@link #finishRecording} makes the cache once the JVM has ended by itself.
     */
    List<String> startUpCache(Path application) {
        if (featureVersion >= AOT_CACHE_SINCE) {
            Path cache = application.resolve(AOT_CACHE);
            return isFresh(cache, application.resolve("quarkus-run.jar"))
                    ? List.of("-XX:AOTCache=" + cache)
                    : List.of(RECORD + application.resolve(AOT_CACHE + "." + UUID.randomUUID() + ".part"));
        }
        for (String name : List.of("app-cds.jsa", "quarkus-run.jsa")) {
            Path archive = application.resolve(name);
            if (Files.isRegularFile(archive)) {
                return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
            }
        }
        return List.of();
    }

    /**
     * After a JVM started with {@code command} has ended with {@code exitValue}: the cache it recorded becomes the
     * service's, if it wrote one at a normal end (0, or 143 after SIGTERM); one cut short (SIGKILL, a crash) is
     * dropped, and the next start records again.
     */
    static void finishRecording(List<String> command, int exitValue) {
        for (String option : command) {
            if (!option.startsWith(RECORD)) {
                continue;
            }
            Path recorded = Path.of(option.substring(RECORD.length()));
            try {
                if ((exitValue == 0 || exitValue == 143) && Files.isRegularFile(recorded) && Files.size(recorded) > 0) {
                    Files.move(recorded, recorded.resolveSibling(AOT_CACHE), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(recorded);
                }
                // the JVM's temporary training record, left behind when it was cut short
                Files.deleteIfExists(recorded.resolveSibling(recorded.getFileName() + ".config"));
            } catch (IOException e) {
                // the next start records again
            }
        }
    }

    private static boolean isFresh(Path cache, Path jar) {
        try {
            return Files.isRegularFile(cache) && Files.size(cache) > 0
                    && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static int featureVersion(Path home) {
        try {
            Matcher version = VERSION.matcher(Files.readString(home.resolve("release")));
            if (version.find()) {
                return Integer.parseInt(version.group(1));
            }
        } catch (IOException | RuntimeException e) {
            // no release file: treat it as the oldest supported Java
        }
        return home.equals(Path.of(System.getProperty("java.home"))) ? Runtime.version().feature() : 17;
    }
}
