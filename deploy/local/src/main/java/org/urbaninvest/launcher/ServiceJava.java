package org.urbaninvest.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JVM a service runs on and its start-up cache. {@code ./run.sh} runs the services on the newest JDK 25 or
 * newer it finds ({@code $JAVA_HOME}, {@code /usr/lib/jvm/*}) with an AOT cache (JEP 483/514/515) that
 * {@link AotCacheRecorder} records in a training run after each build; without such a JDK, or when recording
 * failed, on the launcher's own Java with the AppCDS archive the build wrote. {@code URBANINVEST_SERVICE_JAVA_HOME}
 * names another JDK; {@code default} (or an empty value) keeps the launcher's own.
 *
 * @param home           the JDK's folder (the one with {@code bin/java} and {@code release})
 * @param featureVersion its feature release, e.g. 17 or 25
 */
public record ServiceJava(Path home, int featureVersion) {

    public static final String HOME_VARIABLE = "URBANINVEST_SERVICE_JAVA_HOME";
    /** The value of {@link #HOME_VARIABLE} that keeps the launcher's own Java. */
    public static final String LAUNCHER_JAVA = "default";
    /** The first feature release with AOT caches recorded by {@code -XX:AOTCacheOutput}. */
    public static final int AOT_CACHE_SINCE = 25;
    static final String AOT_CACHE = "app.aot";
    /** Beside the cache: which JDK recorded it ({@link #identity()}); a cache of another JDK is stale. */
    static final String AOT_CACHE_JDK = "app.aot.jdk";
    private static final Path INSTALLED = Path.of("/usr/lib/jvm");
    /** The release file's JAVA_VERSION, e.g. 25.0.3: its first number is the feature release. */
    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"((\\d+)[^\"]*)\"");

    /** The services' JDK as {@code ./run.sh} chooses it from this process's environment and the installed JDKs. */
    public static ServiceJava fromEnvironment() {
        return choose(System.getenv(), installed(INSTALLED));
    }

    /**
     * The services' JDK: the one {@link #HOME_VARIABLE} names ({@code default} or empty: the launcher's), else the
     * newest of {@code candidates} and {@code $JAVA_HOME} that is {@value #AOT_CACHE_SINCE} or newer, else the
     * launcher's.
     */
    static ServiceJava choose(Map<String, String> environment, List<Path> candidates) {
        String configured = environment.get(HOME_VARIABLE);
        if (configured != null) {
            return configured.isBlank() || configured.trim().equals(LAUNCHER_JAVA)
                    ? launcher() : of(Path.of(configured.trim()));
        }
        return newest(withJavaHome(environment, candidates)).orElseGet(ServiceJava::launcher);
    }

    /** The newest JDK {@value #AOT_CACHE_SINCE} or newer among {@code homes} (by their {@code release} files). */
    static Optional<ServiceJava> newest(List<Path> homes) {
        return homes.stream()
                .filter(home -> Files.isExecutable(home.resolve("bin").resolve("java")))
                .map(home -> new ServiceJava(home, releaseVersion(home)))
                .filter(ServiceJava::recordsAotCaches)
                .max(Comparator.comparingInt(ServiceJava::featureVersion));
    }

    /** The newest JDK {@value #AOT_CACHE_SINCE} or newer installed in {@code /usr/lib/jvm} or {@code $JAVA_HOME}. */
    public static Optional<ServiceJava> newestInstalled() {
        return newest(withJavaHome(System.getenv(), installed(INSTALLED)));
    }

    private static List<Path> withJavaHome(Map<String, String> environment, List<Path> homes) {
        List<Path> all = new ArrayList<>(homes);
        String javaHome = environment.get("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            all.add(0, Path.of(javaHome));
        }
        return all;
    }

    /** The launcher's own Java: the one the services are built and tested on. */
    public static ServiceJava launcher() {
        return new ServiceJava(Path.of(System.getProperty("java.home")), Runtime.version().feature());
    }

    static ServiceJava of(Path home) {
        int version = releaseVersion(home);
        return new ServiceJava(home, version > 0 ? version : 17);
    }

    static List<Path> installed(Path folder) {
        try (Stream<Path> homes = Files.list(folder)) {
            return homes.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    String executable() {
        return home.resolve("bin").resolve("java").toString();
    }

    /** Whether this JDK records and loads AOT caches (JEP 483/514/515). */
    public boolean recordsAotCaches() {
        return featureVersion >= AOT_CACHE_SINCE;
    }

    /** The AOT cache of the {@code quarkus-app} folder {@code application}. */
    static Path aotCache(Path application) {
        return application.resolve(AOT_CACHE);
    }

    /**
     * Whether {@code application} has a non-empty AOT cache newer than its jar (a build makes it stale) that this JDK
     * recorded (one of another JDK, or of this one before an update, is stale too: the JVM would ignore it).
     */
    boolean hasFreshAotCache(Path application) {
        Path cache = aotCache(application);
        Path recordedBy = application.resolve(AOT_CACHE_JDK);
        try {
            return Files.isRegularFile(cache) && Files.size(cache) > 0 && Files.getLastModifiedTime(cache)
                    .compareTo(Files.getLastModifiedTime(application.resolve("quarkus-run.jar"))) > 0
                    && Files.isRegularFile(recordedBy) && Files.readString(recordedBy).equals(identity());
        } catch (IOException e) {
            return false;
        }
    }

    /** Notes beside the AOT cache of {@code application}, just recorded on this JDK, that this JDK recorded it. */
    void recordedAotCache(Path application) throws IOException {
        Files.writeString(application.resolve(AOT_CACHE_JDK), identity());
    }

    /** This JDK and its exact version (its folder and {@code release}'s JAVA_VERSION, e.g. 25.0.3). */
    String identity() {
        return home.toAbsolutePath().normalize() + " " + javaVersion(home).map(v -> v.group(1)).orElse("unknown");
    }

    /**
     * The JVM a service in {@code application} runs on: this one when it is older than 25 or the service has a fresh
     * AOT cache; else (no cache recorded) the launcher's own Java with its AppCDS archive.
     */
    ServiceJava forApplication(Path application) {
        return !recordsAotCaches() || hasFreshAotCache(application) ? this : launcher();
    }

    /** The options that load the start-up cache of {@code application}: the AOT cache on 25+, else AppCDS. */
    List<String> startUpCache(Path application) {
        if (recordsAotCaches()) {
            return hasFreshAotCache(application) ? List.of("-XX:AOTCache=" + aotCache(application)) : List.of();
        }
        Path archive = appCdsArchive(application);
        return archive == null ? List.of() : List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
    }

    /** One line for the log: which JDK and which start-up cache a service in {@code application} uses. */
    String describe(Path application) {
        String cache;
        if (recordsAotCaches()) {
            cache = hasFreshAotCache(application) ? "the AOT cache " + aotCache(application) : "no start-up cache";
        } else {
            Path archive = appCdsArchive(application);
            cache = archive == null ? "no start-up cache" : "the AppCDS archive " + archive;
        }
        return "Java " + featureVersion + " (" + home + ") with " + cache;
    }

    private static Path appCdsArchive(Path application) {
        for (String name : List.of("app-cds.jsa", "quarkus-run.jsa")) {
            Path archive = application.resolve(name);
            if (Files.isRegularFile(archive)) {
                return archive;
            }
        }
        return null;
    }

    /** The feature release in {@code home/release}, or 0 when there is none. */
    private static int releaseVersion(Path home) {
        return javaVersion(home).map(v -> Integer.parseInt(v.group(2))).orElse(0);
    }

    /** The JAVA_VERSION of {@code home/release}, matched by {@link #VERSION}; empty without a release file. */
    private static Optional<MatchResult> javaVersion(Path home) {
        try {
            Matcher version = VERSION.matcher(Files.readString(home.resolve("release")));
            return version.find() ? Optional.of(version.toMatchResult()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no release file
        }
    }
}
