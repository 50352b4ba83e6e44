package org.urbaninvest.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodAntiAffinity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/** What makes production production, and dev small. */
@RequiresKubectl
class OverlayShapeTest {

    private static final String ZONE = "topology.kubernetes.io/zone";

    @Test
    void prodAutoscalesEveryServiceFromTwoPodsSpreadOverNodes() {
        Manifests prod = Renders.of(Renders.PROD);
        SoftAssertions softly = new SoftAssertions();
        for (String service : Contract.SERVICES) {
            Deployment deployment = prod.get(Deployment.class, service);
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();

            softly.assertThat(deployment.getSpec().getReplicas()).as("%s replicas (left to the HPA, or >= 2)", service)
                    .satisfiesAnyOf(r -> assertThat(r).isNull(), r -> assertThat(r).isGreaterThanOrEqualTo(2));

            List<HorizontalPodAutoscaler> hpas = prod.all(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getKind().equals("Deployment")
                            && h.getSpec().getScaleTargetRef().getName().equals(service))
                    .toList();
            softly.assertThat(hpas).as("HPA of %s", service).singleElement().satisfies(hpa -> {
                assertThat(hpa.getApiVersion()).isEqualTo("autoscaling/v2");
                assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
                assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
                assertThat(hpa.getSpec().getMetrics()).isNotEmpty();
            });

            List<PodDisruptionBudget> budgets = prod.all(PodDisruptionBudget.class).stream()
                    .filter(p -> NetworkFlows.matches(p.getSpec().getSelector(), podLabels)).toList();
            softly.assertThat(budgets).as("PDB of %s", service).singleElement().satisfies(pdb -> {
                var maxUnavailable = pdb.getSpec().getMaxUnavailable();
                var minAvailable = pdb.getSpec().getMinAvailable();
                assertThat(maxUnavailable != null ? maxUnavailable.getIntVal() : Integer.valueOf(minAvailable.getIntVal()))
                        .as("one pod at a time").isEqualTo(1);
            });

            var affinity = deployment.getSpec().getTemplate().getSpec().getAffinity();
            PodAntiAffinity antiAffinity = affinity == null ? null : affinity.getPodAntiAffinity();
            softly.assertThat(antiAffinity).as("anti-affinity of %s", service).isNotNull();
            if (antiAffinity != null) {
                softly.assertThat(antiAffinity.getPreferredDuringSchedulingIgnoredDuringExecution()).as("%s spreads over nodes", service)
                        .anySatisfy(term -> {
                            assertThat(term.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                            assertThat(NetworkFlows.matches(term.getPodAffinityTerm().getLabelSelector(), podLabels)).isTrue();
                        });
            }
        }
        softly.assertAll();
    }

    @Test
    void prodReplicatesKafkaAndPostgresThreeTimes() {
        Manifests prod = Renders.of(Renders.PROD);
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(KafkaTest.brokers(prod)).as("brokers").isGreaterThanOrEqualTo(3);
        softly.assertThat(prod.all(KafkaNodePool.class).stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.CONTROLLER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum()).as("KRaft controllers (a quorum)").isEqualTo(3);
        for (KafkaTopic topic : prod.all(KafkaTopic.class)) {
            softly.assertThat(topic.getSpec().getReplicas()).as("replicas of %s", KafkaTest.topicName(topic)).isEqualTo(3);
        }
        Map<String, Object> config = prod.all(Kafka.class).get(0).getSpec().getKafka().getConfig();
        softly.assertThat(config).containsEntry("default.replication.factor", 3).containsEntry("min.insync.replicas", 2)
                .containsEntry("offsets.topic.replication.factor", 3);
        prod.generic("Cluster").forEach(cluster -> softly.assertThat(Yaml.at(cluster, "spec", "instances"))
                .as("instances of %s", cluster.getMetadata().getName()).isEqualTo(3));
        softly.assertAll();
    }

    @Test
    void prodCommitsToAQuorumOfStandbysAndSpreadsDatabasesAndBrokersOverZones() {
        Manifests prod = Renders.of(Renders.PROD);
        SoftAssertions softly = new SoftAssertions();
        for (GenericKubernetesResource cluster : prod.generic("Cluster")) {
            String name = cluster.getMetadata().getName();
            int instances = ((Number) Yaml.at(cluster, "spec", "instances")).intValue();
            Map<String, Object> synchronous = Yaml.map(cluster, "spec", "postgresql", "synchronous");
            softly.assertThat(synchronous).as("%s synchronous replication", name)
                    .containsEntry("method", "any").containsEntry("dataDurability", "required");
            softly.assertThat(((Number) synchronous.get("number")).intValue()).as("%s standbys that confirm a commit", name)
                    .isBetween(1, instances - 1);
            softly.assertThat(Yaml.list(cluster, "spec", "topologySpreadConstraints")).as("%s zone spread", name)
                    .anySatisfy(constraint -> {
                        assertThat(constraint).containsEntry("topologyKey", ZONE);
                        assertThat(constraint.get("labelSelector")).isEqualTo(Map.of("matchLabels", Map.of("cnpg.io/cluster", name)));
                    });
        }
        softly.assertThat(prod.all(Kafka.class).get(0).getSpec().getKafka().getRack()).as("Kafka rack awareness")
                .isNotNull().satisfies(rack -> assertThat(rack.getTopologyKey()).isEqualTo(ZONE));
        softly.assertAll();
    }

    @Test
    void devRunsOnePodOfEverythingWithoutAutoscaling() {
        Manifests dev = Renders.of(Renders.DEV);
        SoftAssertions softly = new SoftAssertions();
        dev.all(Deployment.class).forEach(d -> softly.assertThat(d.getSpec().getReplicas())
                .as("replicas of %s", d.getMetadata().getName()).isEqualTo(1));
        softly.assertThat(dev.all(HorizontalPodAutoscaler.class)).as("HPAs in dev").isEmpty();
        softly.assertThat(KafkaTest.brokers(dev)).as("brokers").isEqualTo(1);
        dev.generic("Cluster").forEach(cluster -> softly.assertThat(Yaml.at(cluster, "spec", "instances"))
                .as("instances of %s", cluster.getMetadata().getName()).isEqualTo(1));
        dev.generic("Cluster").forEach(cluster -> softly.assertThat(Yaml.has(cluster, "spec", "postgresql", "synchronous"))
                .as("%s waits for no standby (it has none)", cluster.getMetadata().getName()).isFalse());
        softly.assertThat(dev.all(Kafka.class).get(0).getSpec().getKafka().getConfig())
                .containsEntry("default.replication.factor", 1).containsEntry("offsets.topic.replication.factor", 1);
        softly.assertAll();
    }
}
