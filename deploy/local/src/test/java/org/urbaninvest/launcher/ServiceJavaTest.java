package org.urbaninvest.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
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
    void java25RecordsAnAotCacheUntilOneNewerThanTheJarExists() throws IOException {
        ServiceJava java25 = new ServiceJava(Path.of("/jdk25"), 25);
        Path jar = Files.writeString(application.resolve("quarkus-run.jar"), "");
        Path cache = application.resolve("app.aot");

        assertThat(java25.startUpCache(application)).containsExactly("-XX:AOTCacheOutput=" + cache);

        Files.writeString(cache, "");
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().minusSeconds(60)));
        assertThat(java25.startUpCache(application)).as("older than the jar: stale")
                .containsExactly("-XX:AOTCacheOutput=" + cache);

        Files.setLastModifiedTime(cache, FileTime.from(Files.getLastModifiedTime(jar).toInstant().plusSeconds(60)));
        assertThat(java25.startUpCache(application)).containsExactly("-XX:AOTCache=" + cache);
    }
}
