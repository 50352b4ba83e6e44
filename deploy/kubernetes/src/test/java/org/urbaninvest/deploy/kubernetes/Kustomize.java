package org.urbaninvest.deploy.kubernetes;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Renders kustomizations with {@code kubectl kustomize}, the same code path as {@code kubectl apply -k}. */
final class Kustomize {

    /** The folder of this module: Maven runs the tests there. */
    static final Path MODULE = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();

    private static final long RENDER_TIMEOUT_SECONDS = 120;
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    static boolean kubectlAvailable() {
        return kubectl().isPresent();
    }

    /** The objects that {@code kubectl kustomize <dir>} renders, {@code dir} relative to this module. */
    static Manifests render(String dir) {
        return RENDERED.computeIfAbsent(dir, d -> Manifests.parse(d, run(MODULE.resolve(d))));
    }

    /**
     * Renders the prod overlay with every optional component it does not already include, through an overlay written under target/
     * the way README.md tells operators to write theirs (namespace, instance label, components).
     */
    static Manifests renderProdWithComponents() {
        return RENDERED.computeIfAbsent("overlays/prod + components", key -> {
            try {
                Path dir = MODULE.resolve("target/kustomize/prod-with-components");
                Files.createDirectories(dir);
                StringBuilder kustomization = new StringBuilder("""
                        apiVersion: kustomize.config.k8s.io/v1beta1
                        kind: Kustomization
                        namespace: urbaninvest
                        labels:
                          - pairs:
                              app.kubernetes.io/instance: urbaninvest-prod
                            includeSelectors: false
                            includeTemplates: true
                        resources:
                          - ../../../overlays/prod
                        components:
                        """);
                String prod = Files.readString(MODULE.resolve("overlays/prod/kustomization.yaml"));
                for (String component : components()) {
                    if (prod.contains("../../components/" + component + "\n")) {
                        continue; // production has it already
                    }
                    kustomization.append("  - ../../../components/").append(component).append('\n');
                }
                Files.writeString(dir.resolve("kustomization.yaml"), kustomization);
                return Manifests.parse(key, run(dir));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Renders a kustomization folder anywhere (not cached). */
    static Manifests renderFolder(Path dir) {
        return Manifests.parse(dir.toString(), run(dir));
    }

    /** Names of the folders under components/. */
    static List<String> components() {
        File[] dirs = MODULE.resolve("components").toFile().listFiles(File::isDirectory);
        if (dirs == null) {
            return List.of();
        }
        return Arrays.stream(dirs).map(File::getName).sorted().toList();
    }

    private static Optional<Path> kubectl() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static String run(Path dir) {
        Path kubectl = kubectl().orElseThrow(() -> new IllegalStateException("kubectl is not on PATH"));
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString()).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(RENDER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in " + RENDER_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed:\n" + err.join());
            }
            return out.join();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kubectl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
