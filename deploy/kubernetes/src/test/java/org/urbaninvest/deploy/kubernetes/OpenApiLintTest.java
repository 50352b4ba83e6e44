package org.urbaninvest.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/**
 * Each service's OpenAPI document, the one it serves at {@code /q/openapi}, passes Spectral's standard OpenAPI
 * ruleset ({@code spectral:oas}, as the repository's {@code .spectral.yaml} sets it) without an error or a warning.
 * Quarkus writes the document when it builds the service ({@code quarkus.smallrye-openapi.store-schema-directory},
 * {@code <service>/target/openapi/openapi.json}); the reactor builds the services before this module, and Spectral
 * comes from npm ({@code package.json}, {@code package-lock.json}, installed by {@code npm ci} in the build).
 */
class OpenApiLintTest {

    private static final Path ROOT = Kustomize.MODULE.resolve("../..").normalize();
    private static final Path SPECTRAL = Kustomize.MODULE.resolve("node_modules/.bin/spectral");
    private static final long TIMEOUT_SECONDS = 120;

    @Test
    void everyServiceDocumentPassesTheStandardRuleset() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SPECTRAL.toString(), "lint", "--ruleset",
                ROOT.resolve(".spectral.yaml").toString(), "--fail-severity", "warn", "--format", "json",
                "--quiet"));
        for (String service : Contract.SERVICES) {
            Path document = ROOT.resolve(service).resolve("target/openapi/openapi.json");
            assertThat(document).as("%s's OpenAPI document, written when the service is built: build it first"
                    + " (mvn verify -pl deploy/kubernetes -am)", service).isRegularFile();
            command.add(document.toString());
        }
        assertThat(SPECTRAL).as("Spectral, installed by npm ci from package-lock.json").isExecutable();
        Path report = Kustomize.MODULE.resolve("target/spectral.json");
        Files.createDirectories(report.getParent());
        Process spectral = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(report.toFile())
                .start();
        assertThat(spectral.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("spectral finished").isTrue();
        String output = Files.readString(report);
        List<String> findings = new ArrayList<>();
        if (!output.isBlank()) {
            for (JsonNode finding : new ObjectMapper().readTree(output)) {
                findings.add(ROOT.relativize(Path.of(finding.path("source").asText())) + " "
                        + finding.path("path") + ": " + finding.path("code").asText() + " "
                        + finding.path("message").asText());
            }
        }
        assertThat(findings).as("Spectral findings").isEmpty();
        assertThat(spectral.exitValue()).as("spectral's exit code; its output:%n%s", output).isZero();
    }
}
