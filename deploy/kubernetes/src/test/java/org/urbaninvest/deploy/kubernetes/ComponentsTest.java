package org.urbaninvest.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/** The optional pieces, rendered on top of production the way the runbook adds them. */
@RequiresKubectl
class ComponentsTest {

    @Test
    void everyComponentRendersOnTopOfProd() {
        assertThat(Kustomize.components()).containsExactlyInAnyOrder(
                "ingress", "postgres-backup", "prometheus-servicemonitor", "tracing");
        assertThat(Renders.of(Renders.PROD_WITH_COMPONENTS).all().size())
                .isGreaterThan(Renders.of(Renders.PROD).all().size());
    }

    @Test
    void prometheusScrapesEveryServiceOnQuarkusMetrics() {
        Manifests manifests = Renders.of(Renders.PROD_WITH_COMPONENTS);
        GenericKubernetesResource monitor = manifests.generic("ServiceMonitor").get(0);
        Map<String, Object> selector = Yaml.map(monitor, "spec", "selector");
        @SuppressWarnings("unchecked")
        Map<String, String> matchLabels = (Map<String, String>) selector.get("matchLabels");

        for (String name : Contract.SERVICES) {
            assertThat(manifests.get(Service.class, name).getMetadata().getLabels()).as("labels of Service %s", name)
                    .containsAllEntriesOf(matchLabels);
        }
        assertThat(Yaml.list(monitor, "spec", "endpoints")).singleElement().satisfies(endpoint -> {
            assertThat(endpoint).containsEntry("port", Contract.HTTP_PORT_NAME).containsEntry("path", "/q/metrics");
        });
    }

    @Test
    void theIngressRoutesEachApiToTheServiceThatOwnsIt() {
        Manifests manifests = Renders.of(Renders.PROD_WITH_COMPONENTS);
        Ingress ingress = manifests.all(Ingress.class).get(0);
        Map<String, String> backendOf = ingress.getSpec().getRules().stream()
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .collect(Collectors.toMap(HTTPIngressPath::getPath, p -> p.getBackend().getService().getName()));

        assertThat(backendOf).containsEntry("/api/v1/zones", "project-service")
                .containsEntry("/api/v1/programmes", "project-service")
                .containsEntry("/api/v1/projects", "project-service")
                .containsEntry("/api/v1/investors", "investment-service")
                .containsEntry("/api/v1/agreements", "investment-service")
                .containsEntry("/api/v1/reports", "reporting-service")
                .containsEntry("/", "reporting-service");
        ingress.getSpec().getRules().stream().flatMap(rule -> rule.getHttp().getPaths().stream()).forEach(path ->
                assertThat(path.getBackend().getService().getPort().getName()).isEqualTo(Contract.HTTP_PORT_NAME));
    }

    @Test
    void everyDatabaseArchivesWalAndHasANightlyBackup() {
        Manifests manifests = Renders.of(Renders.PROD_WITH_COMPONENTS);
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
