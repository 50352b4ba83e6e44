package org.urbaninvest.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** The options that load (or record) the start-up cache of the {@code quarkus-app} folder. */
    List<String> startUpCache(Path application) {
        if (featureVersion >= AOT_CACHE_SINCE) {
            Path cache = application.resolve("app.aot");
            return isFresh(cache, application.resolve("quarkus-run.jar"))
                    ? List.of("-XX:AOTCache=" + cache)
                    : List.of("-XX:AOTCacheOutput=" + cache);
        }
        for (String name : List.of("app-cds.jsa", "quarkus-run.jsa")) {
            Path archive = application.resolve(name);
            if (Files.isRegularFile(archive)) {
                return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
            }
        }
        return List.of();
    }

    private static boolean isFresh(Path cache, Path jar) {
        try {
            return Files.isRegularFile(cache)
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
