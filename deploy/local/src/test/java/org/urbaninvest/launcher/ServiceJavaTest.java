package org.urbaninvest.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJavaTest {

    @TempDir
    Path application;

    @TempDir
    Path jvms;

    @Test
    void theNewestJdkOf25OrLaterIsChosenFromJavaHomeAndTheInstalledOnes() throws IOException {
        Path java17 = jdk("java-17-openjdk-amd64", "17.0.15");
        Path java25 = jdk("temurin-25-jdk-amd64", "25.0.1");
        Path java26 = jdk("jdk-26", "26");
        jdk("no-java", null);

        assertThat(ServiceJava.choose(Map.of(), List.of(java17, java25, jvms.resolve("no-java"))))
                .isEqualTo(new ServiceJava(java25, 25));
        assertThat(ServiceJava.choose(Map.of("JAVA_HOME", java26.toString()), List.of(java17, java25)))
                .as("JAVA_HOME counts too").isEqualTo(new ServiceJava(java26, 26));
        assertThat(ServiceJava.choose(Map.of(), List.of(java26, java17, java25))).extracting(ServiceJava::home)
                .isEqualTo(java26);
    }

    @Test
    void withoutAJdk25TheLauncherOwnJavaRunsTheServices() throws IOException {
        Path java17 = jdk("java-17-openjdk-amd64", "17.0.15");
        Path java21 = jdk("jdk-21", "21.0.2");

        assertThat(ServiceJava.choose(Map.of("JAVA_HOME", java21.toString()), List.of(java17)))
                .isEqualTo(ServiceJava.launcher());
        assertThat(ServiceJava.choose(Map.of(), List.of())).isEqualTo(ServiceJava.launcher());
    }

    @Test
    void theOverrideNamesAJdkOrKeepsTheLauncherOwnJava() throws IOException {
        Path java17 = jdk("java-17-openjdk-amd64", "17.0.15");
        Path java25 = jdk("temurin-25-jdk-amd64", "25");
        List<Path> installed = List.of(java17, java25);

        assertThat(ServiceJava.choose(Map.of(ServiceJava.HOME_VARIABLE, java17.toString()), installed))
                .isEqualTo(new ServiceJava(java17, 17));
        assertThat(ServiceJava.choose(Map.of(ServiceJava.HOME_VARIABLE, "default"), installed))
                .isEqualTo(ServiceJava.launcher());
        assertThat(ServiceJava.choose(Map.of(ServiceJava.HOME_VARIABLE, ""), installed))
                .isEqualTo(ServiceJava.launcher());
    }

    @Test
    void java17UsesTheAppCdsArchiveWhenTheBuildWroteOne() throws IOException {
        ServiceJava java17 = new ServiceJava(Path.of("/jdk17"), 17);
        assertThat(java17.startUpCache(application)).isEmpty();

        Files.writeString(application.resolve("app-cds.jsa"), "");

        assertThat(java17.startUpCache(application))
                .containsExactly("-XX:SharedArchiveFile=" + application.resolve("app-cds.jsa"), "-Xshare:auto");
        assertThat(java17.executable()).isEqualTo("/jdk17/bin/java");
        assertThat(java17.forApplication(application)).isEqualTo(java17);
        assertThat(java17.describe(application)).isEqualTo("Java 17 (/jdk17) with the AppCDS archive "
                + application.resolve("app-cds.jsa"));
    }

    @Test
    void java25RunsAServiceOnlyWithANonEmptyAotCacheNewerThanItsJarElseTheLauncherJavaDoes() throws IOException {
        ServiceJava java25 = new ServiceJava(Path.of("/jdk25"), 25);
        Path jar = Files.writeString(application.resolve("quarkus-run.jar"), "");
        Path cache = application.resolve("app.aot");

        assertThat(java25.forApplication(application)).as("no cache").isEqualTo(ServiceJava.launcher());

        Files.writeString(cache, "recorded");
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().minusSeconds(60)));
        assertThat(java25.forApplication(application)).as("older than the jar: stale")
                .isEqualTo(ServiceJava.launcher());

        Files.setLastModifiedTime(cache, FileTime.from(Files.getLastModifiedTime(jar).toInstant().plusSeconds(60)));
        assertThat(java25.forApplication(application)).as("not noted as this JDK's").isEqualTo(ServiceJava.launcher());

        java25.recordedAotCache(application);
        assertThat(java25.forApplication(application)).isEqualTo(java25);
        assertThat(java25.startUpCache(application)).containsExactly("-XX:AOTCache=" + cache);
        assertThat(java25.describe(application)).isEqualTo("Java 25 (/jdk25) with the AOT cache " + cache);

        Files.writeString(cache, "");
        Files.setLastModifiedTime(cache, FileTime.from(Files.getLastModifiedTime(jar).toInstant().plusSeconds(60)));
        assertThat(java25.forApplication(application)).as("empty").isEqualTo(ServiceJava.launcher());
        assertThat(java25.startUpCache(application)).as("a running service never records").isEmpty();
    }

    @Test
    void anAotCacheRecordedOnAnotherJdkOrBeforeAnUpdateIsStale() throws IOException {
        Path jdk = jdk("temurin-25", "25.0.3");
        ServiceJava java25 = ServiceJava.of(jdk);
        Files.writeString(application.resolve("quarkus-run.jar"), "");
        Path cache = Files.writeString(application.resolve("app.aot"), "recorded");
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().plusSeconds(60)));
        java25.recordedAotCache(application);
        assertThat(java25.hasFreshAotCache(application)).isTrue();

        assertThat(ServiceJava.of(jdk("other-25", "25.0.3")).hasFreshAotCache(application)).as("another JDK").isFalse();
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.4\"\n");
        assertThat(java25.hasFreshAotCache(application)).as("this JDK, updated").isFalse();
        assertThat(java25.forApplication(application)).isEqualTo(ServiceJava.launcher());
    }

    /** A JDK folder with an executable bin/java and, unless null, a release file naming {@code version}. */
    private Path jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name).resolve("bin")).getParent();
        Path java = Files.writeString(home.resolve("bin").resolve("java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (version != null) {
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"" + version
                    + "\"\n");
        }
        return home;
    }
}
