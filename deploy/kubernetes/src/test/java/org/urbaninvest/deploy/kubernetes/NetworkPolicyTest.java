package org.urbaninvest.deploy.kubernetes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;

/** Deny by default, then exactly the flows the suite needs, evaluated over the rendered NetworkPolicies. */
@RequiresKubectl
class NetworkPolicyTest {

    private static final int POSTGRES = 5432;
    private static final int DNS = 53;

    @ParameterizedTest
    @MethodSource("org.urbaninvest.deploy.kubernetes.Renders#all")
    void everyDeploymentIsDeniedByDefaultAndAllowedOnlyItsFlows(String render) {
        Manifests manifests = Renders.of(render);
        NetworkFlows flows = flows(manifests);
        Kafka kafka = manifests.all(Kafka.class).get(0);
        GenericKafkaListener listener = kafka.getSpec().getKafka().getListeners().get(0);
        NetworkFlows.Pod broker = flows.local(Map.of(
                "strimzi.io/cluster", kafka.getMetadata().getName(),
                "strimzi.io/kind", "Kafka",
                "strimzi.io/name", kafka.getMetadata().getName() + "-kafka",
                "strimzi.io/broker-role", "true"));
        NetworkFlows.Pod dns = NetworkFlows.elsewhere(Map.of("kubernetes.io/metadata.name", "kube-system"), Map.of("k8s-app", "kube-dns"));
        NetworkFlows.Pod apiClient = NetworkFlows.elsewhere(
                Map.of("kubernetes.io/metadata.name", "ingress", "urbaninvest.org/api-access", "true"), Map.of("app", "controller"));
        NetworkFlows.Pod prometheus = NetworkFlows.elsewhere(
                Map.of("kubernetes.io/metadata.name", "monitoring", "urbaninvest.org/metrics-scraper", "true"), Map.of("app", "prometheus"));
        NetworkFlows.Pod stranger = flows.local(Map.of("app", "something-else"));
        NetworkFlows.Pod internet = NetworkFlows.elsewhere(Map.of("kubernetes.io/metadata.name", "elsewhere"), Map.of());

        SoftAssertions softly = new SoftAssertions();
        for (String service : Contract.SERVICES) {
            NetworkFlows.Pod pod = pod(manifests, flows, service);
            NetworkFlows.Pod ownDatabase = database(flows, Contract.database(service));

            softly.assertThat(flows.deniedByDefault(pod)).as("%s has a default-deny policy", service).isTrue();
            softly.assertThat(flows.connects(apiClient, pod, Contract.HTTP_PORT, "TCP")).as("API clients -> %s", service).isTrue();
            softly.assertThat(flows.connects(prometheus, pod, Contract.HTTP_PORT, "TCP")).as("Prometheus -> %s", service).isTrue();
            softly.assertThat(flows.connects(pod, ownDatabase, POSTGRES, "TCP")).as("%s -> its database", service)
                    .isEqualTo(ServiceConfig.of(service).hasDatabase());
            softly.assertThat(flows.egressAllows(pod, broker, listener.getPort(), "TCP")).as("%s -> Kafka", service).isTrue();
            softly.assertThat(flows.peersAdmit(listener.getNetworkPolicyPeers(), pod)).as("Kafka listener admits %s", service).isTrue();
            softly.assertThat(flows.egressAllows(pod, dns, DNS, "UDP")).as("%s -> DNS", service).isTrue();

            softly.assertThat(flows.connects(stranger, pod, Contract.HTTP_PORT, "TCP")).as("unlabelled pod -> %s", service).isFalse();
            softly.assertThat(flows.egressAllows(pod, internet, 443, "TCP")).as("%s -> anywhere else", service).isFalse();
            softly.assertThat(flows.connects(stranger, ownDatabase, POSTGRES, "TCP")).as("unlabelled pod -> %s's database", service).isFalse();
            for (String other : Contract.SERVICES) {
                if (other.equals(service)) {
                    continue;
                }
                softly.assertThat(flows.connects(pod, database(flows, Contract.database(other)), POSTGRES, "TCP"))
                        .as("%s -> %s's database", service, other).isFalse();
                boolean expected = ServiceConfig.of(service).calls().contains(other);
                softly.assertThat(flows.connects(pod, pod(manifests, flows, other), Contract.HTTP_PORT, "TCP"))
                        .as("%s -> %s", service, other).isEqualTo(expected);
            }
        }
        softly.assertAll();
    }

    private static NetworkFlows flows(Manifests manifests) {
        String namespace = manifests.all().get(0).getMetadata().getNamespace();
        List<NetworkPolicy> policies = manifests.all(NetworkPolicy.class);
        return new NetworkFlows(policies, namespace);
    }

    private static NetworkFlows.Pod pod(Manifests manifests, NetworkFlows flows, String service) {
        Deployment deployment = manifests.get(Deployment.class, service);
        return flows.local(deployment.getSpec().getTemplate().getMetadata().getLabels());
    }

    /** An instance pod of a CloudNativePG cluster, labelled as the operator labels it. */
    private static NetworkFlows.Pod database(NetworkFlows flows, String cluster) {
        Map<String, String> labels = new HashMap<>();
        labels.put("cnpg.io/cluster", cluster);
        labels.put("cnpg.io/podRole", "instance");
        return flows.local(labels);
    }
}
