package org.urbaninvest.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheRecorderTest {

    @TempDir
    Path application;

    @Test
    void eachRecordingWritesAFileOfItsOwn() {
        Path one = AotCacheRecorder.recordingFile(application);
        assertThat(one).isNotEqualTo(AotCacheRecorder.recordingFile(application)).hasParentRaw(application);
        Path recording = AotCacheRecorder.recordingFile(application);
        assertThat(AotCacheRecorder.recordingOptions(recording)).containsExactly("-XX:AOTCacheOutput=" + recording);
    }

    @Test
    void aNewRecordingRemovesThoseAKilledLauncherAbandonedButNotAnotherLaunchersRecent() throws IOException {
        Path abandoned = recording("cut short an hour ago");
        Path abandonedRecord = abandoned.resolveSibling(abandoned.getFileName() + ".config");
        FileTime old = FileTime.from(Instant.now().minus(AotCacheRecorder.ABANDONED_AFTER).minusSeconds(60));
        Files.setLastModifiedTime(abandoned, old);
        Files.setLastModifiedTime(abandonedRecord, old);
        Path running = recording("another launcher's, recording now");
        Path cache = Files.writeString(application.resolve("app.aot"), "the cache");

        AotCacheRecorder.recordingFile(application);

        assertThat(abandoned).doesNotExist();
        assertThat(abandonedRecord).doesNotExist();
        assertThat(running).exists();
        assertThat(running.resolveSibling(running.getFileName() + ".config")).exists();
        assertThat(cache).hasContent("the cache");
    }

    @Test
    void aRecordingBecomesTheCacheOnlyWhenTheJvmReportedItComplete() throws IOException {
        Path cache = Files.writeString(application.resolve("app.aot"), "previous");
        Path log = application.resolve("training.log");

        Path cutShort = recording("half written");
        Files.writeString(log, "Launching child process java to assemble AOT cache " + cutShort + "\n");
        assertThat(AotCacheRecorder.keepIfComplete(cutShort, log)).isFalse();
        assertThat(cutShort).doesNotExist();
        assertThat(cutShort.resolveSibling(cutShort.getFileName() + ".config")).as("its training record")
                .doesNotExist();
        assertThat(cache).hasContent("previous");

        Path otherRecording = recording("complete, but another JVM's");
        Files.writeString(log, AotCacheRecorder.COMPLETE + cutShort + " 123 bytes\n");
        assertThat(AotCacheRecorder.keepIfComplete(otherRecording, log)).isFalse();
        assertThat(cache).hasContent("previous");

        Path empty = recording("");
        Files.writeString(log, AotCacheRecorder.COMPLETE + empty + " 0 bytes\n");
        assertThat(AotCacheRecorder.keepIfComplete(empty, log)).isFalse();
        assertThat(cache).hasContent("previous");

        Path complete = recording("complete");
        Files.writeString(log, "Removed temporary AOT configuration file " + complete + ".config\n"
                + AotCacheRecorder.COMPLETE + complete + " 8 bytes\n");
        assertThat(AotCacheRecorder.keepIfComplete(complete, log)).isTrue();
        assertThat(complete).doesNotExist();
        assertThat(cache).hasContent("complete");
    }

    private Path recording(String content) throws IOException {
        Path recording = AotCacheRecorder.recordingFile(application);
        Files.writeString(recording.resolveSibling(recording.getFileName() + ".config"), "training record");
        return Files.writeString(recording, content);
    }
}
