package org.urbaninvest.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    private static final Path REPOSITORY = Path.of("/repo");

    @Test
    void defaultsAreTheDocumentedOnes() {
        LauncherOptions options = LauncherOptions.parse(new String[0], Map.of(), REPOSITORY);
        assertThat(options.home()).isEqualTo(Path.of("/repo/.local"));
        assertThat(options.ports()).isEqualTo(new Ports(15432, 19092, 19093, 8081, 8082, 8083));
        assertThat(options.reset()).isFalse();
        assertThat(options.demo()).isTrue();
        assertThat(options.services()).isEqualTo(EnumSet.allOf(SuiteService.class));
        assertThat(options.help()).isFalse();
        assertThat(options.rotateKeys()).isFalse();
        assertThat(options.otlp()).isNull();
        assertThat(options.replicas()).containsOnly(Map.entry(SuiteService.PROJECT, 1),
                Map.entry(SuiteService.INVESTMENT, 1), Map.entry(SuiteService.REPORTING, 1));
    }

    @Test
    void rotateKeysWorksOnTheHomeGiven() {
        LauncherOptions options = LauncherOptions.parse(new String[] {"--rotate-keys", "--home", "/tmp/suite"},
                Map.of(), REPOSITORY);
        assertThat(options.rotateKeys()).isTrue();
        assertThat(options.home()).isEqualTo(Path.of("/tmp/suite"));
    }

    @Test
    void replicasAreSetForEveryServiceOrOne() {
        assertThat(LauncherOptions.parse(new String[] {"--replicas", "3"}, Map.of(), REPOSITORY).replicas())
                .containsOnly(Map.entry(SuiteService.PROJECT, 3), Map.entry(SuiteService.INVESTMENT, 3),
                        Map.entry(SuiteService.REPORTING, 3));
        assertThat(LauncherOptions.parse(new String[] {"--replicas=2", "--replicas", "reporting-service=4",
                "--replicas=project=1"}, Map.of(), REPOSITORY).replicas())
                .containsOnly(Map.entry(SuiteService.PROJECT, 1), Map.entry(SuiteService.INVESTMENT, 2),
                        Map.entry(SuiteService.REPORTING, 4));
    }

    @Test
    void replicasOutsideOneToFourAreRefused() {
        for (String wrong : new String[] {"0", "5", "two", "-1", "2.5", "", "reporting-service=0",
                "reporting-service=x", "billing=2"}) {
            assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--replicas", wrong}, Map.of(), REPOSITORY))
                    .as("--replicas %s", wrong).isInstanceOf(IllegalArgumentException.class)
                    .message().containsAnyOf("--replicas needs a whole number from 1 to 4 (or service=N), not '"
                            + wrong + "'", "unknown service 'billing'");
        }
    }

    @Test
    void otlpNamesTheCollectorAndTurnsTracingOnForEveryService() {
        LauncherOptions options = LauncherOptions.parse(new String[] {"--otlp", "http://localhost:4317"}, Map.of(),
                REPOSITORY);
        assertThat(options.otlp()).isEqualTo("http://localhost:4317");

        LocalSuite traced = LocalSuite.builder().otlp(options.otlp()).build();
        LocalSuite untraced = LocalSuite.builder().build();
        for (SuiteService service : SuiteService.values()) {
            assertThat(traced.environment(service, 0)).containsEntry("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "1.0")
                    .containsEntry("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4317")
                    .containsEntry("QUARKUS_DATASOURCE_JDBC_TELEMETRY_ENABLED", "true");
            assertThat(untraced.environment(service, 0)).doesNotContainKeys("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT",
                    "QUARKUS_OTEL_TRACES_SAMPLER_ARG", "QUARKUS_OTEL_SDK_DISABLED",
                    "QUARKUS_DATASOURCE_JDBC_TELEMETRY_ENABLED");
        }
        for (String wrong : new String[] {"localhost:4317", "grpc://collector:4317", "http://", ""}) {
            assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--otlp", wrong}, Map.of(), REPOSITORY))
                    .as("--otlp %s", wrong).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--otlp needs the collector's http(s) URL");
        }
    }

    @Test
    void flagsAndTheEnvironmentChangeThem() {
        LauncherOptions options = LauncherOptions.parse(
                new String[] {"--reset", "--no-demo", "--project-port", "9001", "--kafka-port=9002"},
                Map.of("URBANINVEST_HOME", "/data/ui", "URBANINVEST_PORT_OFFSET", "100"), REPOSITORY);
        assertThat(options.home()).isEqualTo(Path.of("/data/ui"));
        assertThat(options.reset()).isTrue();
        assertThat(options.demo()).isFalse();
        assertThat(options.ports()).isEqualTo(new Ports(15532, 9002, 19193, 9001, 8182, 8183));
    }

    @Test
    void theHomeFlagWinsOverTheEnvironment() {
        LauncherOptions options = LauncherOptions.parse(new String[] {"--home", "/elsewhere", "--port-offset", "7"},
                Map.of("URBANINVEST_HOME", "/data/ui", "URBANINVEST_PORT_OFFSET", "100"), REPOSITORY);
        assertThat(options.home()).isEqualTo(Path.of("/elsewhere"));
        assertThat(options.ports().project()).isEqualTo(8088);
    }

    @Test
    void servicesCanBeChosen() {
        LauncherOptions options = LauncherOptions.parse(new String[] {"--services", "project-service,reporting"},
                Map.of(), REPOSITORY);
        assertThat(options.services()).containsExactlyInAnyOrder(SuiteService.PROJECT, SuiteService.REPORTING);
    }

    @Test
    void badArgumentsAreRefusedWithAReason() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--frobnicate"}, Map.of(), REPOSITORY))
                .hasMessageContaining("unknown option --frobnicate");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--project-port"}, Map.of(), REPOSITORY))
                .hasMessageContaining("--project-port needs a value");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--project-port", "x"}, Map.of(), REPOSITORY))
                .hasMessageContaining("needs a number");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--project-port", "8082"}, Map.of(), REPOSITORY))
                .hasMessageContaining("ports must differ");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--services", "billing"}, Map.of(), REPOSITORY))
                .hasMessageContaining("unknown service");
    }

    @Test
    void helpIsAnOption() {
        assertThat(LauncherOptions.parse(new String[] {"-h"}, Map.of(), REPOSITORY).help()).isTrue();
        assertThat(LauncherOptions.USAGE).contains("--reset", "--no-demo", "URBANINVEST_HOME", "--port-offset");
    }
}
