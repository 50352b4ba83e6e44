package org.urbaninvest.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

/** The optional pieces, rendered on top of production the way the runbook adds them. */
@RequiresKubectl
class ComponentsTest {

    @Test
    void everyComponentRendersOnTopOfProd() {
        assertThat(Kustomize.components()).containsExactlyInAnyOrder(
                "ingress", "postgres-backup", "prometheus-alerts", "prometheus-servicemonitor", "tracing");
        assertThat(Renders.of(Renders.PROD_WITH_COMPONENTS).all().size())
                .isGreaterThan(Renders.of(Renders.PROD).all().size());
    }

    @Test
    void prometheusScrapesEveryServiceOnQuarkusMetrics() {
        Manifests manifests = Renders.of(Renders.PROD_WITH_COMPONENTS);
        ServiceMonitor monitor = manifests.all(ServiceMonitor.class).get(0);
        Map<String, String> matchLabels = monitor.getSpec().getSelector().getMatchLabels();

        for (String name : Contract.SERVICES) {
            assertThat(manifests.get(Service.class, name).getMetadata().getLabels()).as("labels of Service %s", name)
                    .containsAllEntriesOf(matchLabels);
        }
        assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.getPort()).isEqualTo(Contract.HTTP_PORT_NAME);
            assertThat(endpoint.getPath()).isEqualTo("/q/metrics");
        });
    }

    @Test
    void theIngressRoutesEachApiRootToItsServiceAndTheDashboardButNothingElse() {
        Manifests manifests = Renders.of(Renders.PROD_WITH_COMPONENTS);
        Ingress ingress = manifests.all(Ingress.class).get(0);
        List<HTTPIngressPath> paths = ingress.getSpec().getRules().stream()
                .flatMap(rule -> rule.getHttp().getPaths().stream()).toList();

        Map<String, String> expected = new TreeMap<>();
        for (ServiceConfig service : ServiceConfig.all()) {
            service.apiRoots().forEach(root -> expected.put("Prefix " + root, service.name()));
            service.publicPaths().forEach(path -> expected.put(path.endsWith("/*")
                    ? "Prefix " + path.substring(0, path.length() - 1) : "Exact " + path, service.name()));
        }
        Map<String, String> routed = paths.stream().collect(Collectors.toMap(
                p -> p.getPathType() + " " + p.getPath(), p -> p.getBackend().getService().getName(), (a, b) -> a + "," + b, TreeMap::new));
        assertThat(routed).as("Ingress paths -> Services: each API root and each open dashboard path, no /q/**")
                .isEqualTo(expected);
        paths.forEach(path -> assertThat(path.getBackend().getService().getPort().getName()).isEqualTo(Contract.HTTP_PORT_NAME));
    }

    @Test
    void theIngressAdmitsTheLargestRequestBodyTheServicesAccept() throws IOException {
        Ingress ingress = Renders.of(Renders.PROD_WITH_COMPONENTS).all(Ingress.class).get(0);
        Properties platform = new Properties();
        try (Reader reader = Files.newBufferedReader(
                ServiceConfig.module("platform").resolve("src/main/resources/META-INF/microprofile-config.properties"))) {
            platform.load(reader);
        }
        long accepted = bytes(platform.getProperty("quarkus.http.limits.max-body-size"));
        String annotation = ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-body-size");
        assertThat(annotation).as("ingress-nginx body limit").isNotNull();
        assertThat(bytes(annotation)).as("ingress body limit >= quarkus.http.limits.max-body-size (the CSV import)")
                .isGreaterThanOrEqualTo(accepted);
    }

    /** "64M", "64m", "1g": ingress-nginx and Quarkus sizes, both binary multiples. */
    private static long bytes(String size) {
        String value = size.trim().toLowerCase();
        long unit = switch (value.charAt(value.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        return Long.parseLong(unit == 1 ? value : value.substring(0, value.length() - 1)) * unit;
    }

    @Test
    void everyProductionDatabaseArchivesWalAndHasANightlyBackup() {
        Manifests manifests = Renders.of(Renders.PROD);
        Set<String> stores = manifests.generic("ObjectStore").stream().map(s -> s.getMetadata().getName()).collect(Collectors.toSet());
        SoftAssertions softly = new SoftAssertions();
        for (GenericKubernetesResource cluster : manifests.generic("Cluster")) {
            String name = cluster.getMetadata().getName();
            List<Map<String, Object>> plugins = Yaml.list(cluster, "spec", "plugins");
            softly.assertThat(plugins).as("plugins of %s", name).singleElement().satisfies(plugin -> {
                assertThat(plugin).containsEntry("name", "barman-cloud.cloudnative-pg.io").containsEntry("isWALArchiver", true);
                assertThat(stores).contains((String) ((Map<?, ?>) plugin.get("parameters")).get("barmanObjectName"));
            });
            softly.assertThat(manifests.generic("ScheduledBackup")).as("scheduled backup of %s", name).anySatisfy(backup -> {
                assertThat(Yaml.map(backup, "spec", "cluster")).containsEntry("name", name);
                assertThat(Yaml.at(backup, "spec", "method")).isEqualTo("plugin");
                assertThat(Yaml.map(backup, "spec", "pluginConfiguration")).containsEntry("name", "barman-cloud.cloudnative-pg.io");
                assertThat(((String) Yaml.at(backup, "spec", "schedule")).split(" ")).as("six cron fields").hasSize(6);
            });
        }
        softly.assertAll();
    }
}
