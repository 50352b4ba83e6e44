package org.urbaninvest.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJavaTest {

    @TempDir
    Path application;

    @Test
    void java17UsesTheAppCdsArchiveWhenTheBuildWroteOne() throws IOException {
        ServiceJava java17 = new ServiceJava(Path.of("/jdk17"), 17);
        assertThat(java17.startUpCache(application)).isEmpty();

        Files.writeString(application.resolve("app-cds.jsa"), "");

        assertThat(java17.startUpCache(application))
                .containsExactly("-XX:SharedArchiveFile=" + application.resolve("app-cds.jsa"), "-Xshare:auto");
        assertThat(java17.executable()).isEqualTo("/jdk17/bin/java");
    }

    @Test
    void java25RecordsAnAotCacheUntilANonEmptyOneNewerThanTheJarExists() throws IOException {
        ServiceJava java25 = new ServiceJava(Path.of("/jdk25"), 25);
        Path jar = Files.writeString(application.resolve("quarkus-run.jar"), "");
        Path cache = application.resolve("app.aot");

        assertThat(recordsInto(java25.startUpCache(application))).isNotNull();

        Files.writeString(cache, "recorded");
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().minusSeconds(60)));
        assertThat(recordsInto(java25.startUpCache(application))).as("older than the jar: stale").isNotNull();

        Files.setLastModifiedTime(cache, FileTime.from(Files.getLastModifiedTime(jar).toInstant().plusSeconds(60)));
        assertThat(java25.startUpCache(application)).containsExactly("-XX:AOTCache=" + cache);

        Files.writeString(cache, "");
        Files.setLastModifiedTime(cache, FileTime.from(Files.getLastModifiedTime(jar).toInstant().plusSeconds(60)));
        assertThat(recordsInto(java25.startUpCache(application))).as("empty: a recording cut short").isNotNull();
    }

    @Test
    void aRecordingBecomesTheCacheOnlyWhenItsJvmEndedByItself() throws IOException {
        ServiceJava java25 = new ServiceJava(Path.of("/jdk25"), 25);
        Files.writeString(application.resolve("quarkus-run.jar"), "");
        Path cache = application.resolve("app.aot");

        List<String> killed = java25.startUpCache(application);
        List<String> stopped = java25.startUpCache(application);
        assertThat(recordsInto(killed)).as("each JVM records into a file of its own").isNotEqualTo(recordsInto(stopped));
        Files.writeString(recordsInto(killed), "half written");
        Files.writeString(recordsInto(stopped), "complete");

        ServiceJava.finishRecording(killed, 137); // SIGKILL
        assertThat(recordsInto(killed)).doesNotExist();
        assertThat(cache).doesNotExist();

        ServiceJava.finishRecording(stopped, 143); // SIGTERM, a graceful end
        assertThat(recordsInto(stopped)).doesNotExist();
        assertThat(cache).hasContent("complete");
    }

    /** The file {@code options} record an AOT cache into, or null when they load one or none. */
    private static Path recordsInto(List<String> options) {
        return options.stream().filter(option -> option.startsWith("-XX:AOTCacheOutput="))
                .map(option -> Path.of(option.substring("-XX:AOTCacheOutput=".length()))).findFirst().orElse(null);
    }
}
