package org.urbaninvest.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaResources;
import io.strimzi.api.kafka.model.user.KafkaUser;

/** Every render parses into the real models, carries the standard labels, sets images and commits no secret. */
@RequiresKubectl
class RenderingTest {

    @ParameterizedTest
    @MethodSource("org.urbaninvest.deploy.kubernetes.Renders#all")
    void everyFieldIsKnownToTheRealSchema(String render) {
        Manifests manifests = Renders.of(render);

        List<String> unknown = manifests.all().stream().flatMap(o -> UnknownFields.of(o).stream()).toList();

        assertThat(manifests.all()).as("objects rendered by %s", render).isNotEmpty();
        assertThat(unknown).as("fields the fabric8 / Strimzi models do not know, in %s", render).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.urbaninvest.deploy.kubernetes.Renders#all")
    void everyObjectCarriesTheStandardLabelsAndOneNamespace(String render) {
        Manifests manifests = Renders.of(render);
        SoftAssertions softly = new SoftAssertions();

        Set<String> namespaces = new HashSet<>();
        for (HasMetadata object : manifests.all()) {
            Map<String, String> labels = object.getMetadata().getLabels();
            String id = object.getKind() + "/" + object.getMetadata().getName();
            softly.assertThat(labels).as(id).containsEntry("app.kubernetes.io/part-of", "urbaninvest")
                    .containsEntry("app.kubernetes.io/managed-by", "kustomize")
                    .containsKey("app.kubernetes.io/instance");
            namespaces.add(object.getMetadata().getNamespace());
        }
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            softly.assertThat(deployment.getMetadata().getLabels()).as(name).containsEntry("app.kubernetes.io/name", name)
                    .containsKey("app.kubernetes.io/component");
            softly.assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).as("pods of " + name)
                    .containsEntry("app.kubernetes.io/name", name)
                    .containsEntry("app.kubernetes.io/part-of", "urbaninvest")
                    .containsKey("app.kubernetes.io/instance");
        }
        softly.assertThat(namespaces).as("namespaces of %s", render).hasSize(1).doesNotContainNull();
        softly.assertAll();
    }

    @ParameterizedTest
    @MethodSource("org.urbaninvest.deploy.kubernetes.Renders#all")
    void theOverlaySetsEveryServiceImageWithATag(String render) {
        Manifests manifests = Renders.of(render);
        SoftAssertions softly = new SoftAssertions();

        assertThat(manifests.all(Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Contract.SERVICES);
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                ImageReference image = ImageReference.parse(container.getImage());
                softly.assertThat(image.repository()).as("image repository of %s", service)
                        .matches("([^/]+/)?" + Contract.image(service));
                softly.assertThat(image.version()).as("tag or digest of %s (set in the overlay)", container.getImage())
                        .isNotEmpty().isNotEqualTo("latest");
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @MethodSource("org.urbaninvest.deploy.kubernetes.Renders#all")
    void secretsAreReferencedNeverCommitted(String render) throws IOException {
        Manifests manifests = Renders.of(render);
        String runbook = Files.readString(Kustomize.MODULE.resolve("README.md"));
        SoftAssertions softly = new SoftAssertions();

        softly.assertThat(manifests.all(Secret.class)).as("Secrets defined in %s", render).isEmpty();
        for (ConfigMap configMap : manifests.all(ConfigMap.class)) {
            softly.assertThat(configMap.getData().keySet()).as("keys of ConfigMap %s", configMap.getMetadata().getName())
                    .noneMatch(key -> key.matches("(?i).*(PASSWORD|JAAS|PRIVATE|TOKEN|SECRET_KEY).*"));
        }

        Set<String> madeByOperators = new HashSet<>();
        manifests.generic("Cluster").forEach(c -> madeByOperators.add(c.getMetadata().getName() + "-app"));
        manifests.all(KafkaUser.class).forEach(u -> madeByOperators.add(u.getMetadata().getName()));
        manifests.all(Kafka.class).forEach(k -> madeByOperators.add(
                KafkaResources.clusterCaCertificateSecretName(k.getMetadata().getName())));

        List<String> referenced = referencedSecrets(manifests);
        assertThat(referenced).as("Secrets referenced by %s", render).isNotEmpty();
        for (String secret : referenced) {
            if (!madeByOperators.contains(secret)) {
                softly.assertThat(runbook).as("the runbook tells how to create Secret %s", secret).contains(secret);
            }
        }
        softly.assertAll();
    }

    /** An image name split into repository and tag (or digest). */
    record ImageReference(String repository, String version) {

        static ImageReference parse(String image) {
            int at = image.indexOf('@');
            if (at >= 0) {
                return new ImageReference(image.substring(0, at), image.substring(at + 1));
            }
            int colon = image.lastIndexOf(':');
            return colon > image.lastIndexOf('/')
                    ? new ImageReference(image.substring(0, colon), image.substring(colon + 1))
                    : new ImageReference(image, "");
        }
    }

    private static List<String> referencedSecrets(Manifests manifests) {
        List<String> names = new ArrayList<>();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            pod.getVolumes().stream().map(Volume::getSecret).filter(s -> s != null).forEach(s -> names.add(s.getSecretName()));
            Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream())
                    .flatMap(c -> c.getEnv().stream())
                    .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                    .forEach(e -> names.add(e.getValueFrom().getSecretKeyRef().getName()));
        }
        for (Ingress ingress : manifests.all(Ingress.class)) {
            ingress.getSpec().getTls().stream().map(IngressTLS::getSecretName).forEach(names::add);
        }
        for (GenericKubernetesResource store : manifests.generic("ObjectStore")) {
            Map<String, Object> credentials = Yaml.map(store, "spec", "configuration", "s3Credentials");
            credentials.values().forEach(ref -> names.add((String) ((Map<?, ?>) ref).get("name")));
        }
        return names.stream().distinct().toList();
    }
}
