package org.urbaninvest.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is: the system tests run what it built ({@code run.sh}, the services' target folders). */
final class Repository {

    private Repository() {
    }

    static Path root() {
        String configured = System.getProperty("urbaninvest.repository");
        if (configured != null && Files.exists(Path.of(configured, "run.sh"))) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("run.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run.sh not found above " + Path.of("").toAbsolutePath());
    }
}
