package org.urbaninvest.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaResources;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.user.KafkaUser;

/** Each service's Deployment: probes, resources, hardening, rollouts that keep serving, and its wiring. */
@RequiresKubectl
class DeploymentTest {

    private static final Pattern MAX_RAM_PERCENTAGE = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)");

    @ParameterizedTest
    @MethodSource("org.urbaninvest.deploy.kubernetes.Renders#all")
    void everyContainerHasHealthProbesOnTheQuarkusEndpoints(String render) {
        SoftAssertions softly = new SoftAssertions();
        for (Deployment deployment : Renders.of(render).all(Deployment.class)) {
            for (Container container : containers(deployment)) {
                String id = deployment.getMetadata().getName() + "/" + container.getName();
                softly.assertThat(container.getPorts()).as("ports of %s", id)
                        .anyMatch(p -> Contract.HTTP_PORT_NAME.equals(p.getName()) && p.getContainerPort() == Contract.HTTP_PORT);
                checkProbe(softly, id + " startupProbe", container.getStartupProbe(), Contract.STARTED);
                checkProbe(softly, id + " livenessProbe", container.getLivenessProbe(), Contract.LIVE);
                checkProbe(softly, id + " readinessProbe", container.getReadinessProbe(), Contract.READY);
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @MethodSource("org.urbaninvest.deploy.kubernetes.Renders#all")
    void everyContainerHasCpuAndMemoryRequestsWithinLimits(String render) {
        SoftAssertions softly = new SoftAssertions();
        for (Deployment deployment : Renders.of(render).all(Deployment.class)) {
            for (Container container : containers(deployment)) {
                String id = deployment.getMetadata().getName() + "/" + container.getName();
                Map<String, Quantity> requests = container.getResources().getRequests();
                Map<String, Quantity> limits = container.getResources().getLimits();
                for (String resource : List.of("cpu", "memory")) {
                    softly.assertThat(requests).as("%s requests", id).containsKey(resource);
                    softly.assertThat(limits).as("%s limits", id).containsKey(resource);
                    if (requests.containsKey(resource) && limits.containsKey(resource)) {
                        softly.assertThat(requests.get(resource).getNumericalAmount())
                                .as("%s %s request <= limit", id, resource)
                                .isLessThanOrEqualTo(limits.get(resource).getNumericalAmount());
                    }
                }
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @MethodSource("org.urbaninvest.deploy.kubernetes.Renders#all")
    void podsRunAsNonRootOnAReadOnlyRootFilesystemWithoutCapabilities(String render) {
        Manifests manifests = Renders.of(render);
        SoftAssertions softly = new SoftAssertions();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            PodSecurityContext podSecurity = pod.getSecurityContext();
            softly.assertThat(podSecurity).as("pod securityContext of %s", name).isNotNull();
            if (podSecurity != null) {
                softly.assertThat(podSecurity.getRunAsNonRoot()).as("%s runAsNonRoot", name).isTrue();
                softly.assertThat(podSecurity.getRunAsUser()).as("%s runAsUser (the image's user)", name).isEqualTo(Contract.IMAGE_USER);
                softly.assertThat(podSecurity.getSeccompProfile()).as("%s seccompProfile", name).isNotNull();
                if (podSecurity.getSeccompProfile() != null) {
                    softly.assertThat(podSecurity.getSeccompProfile().getType()).as("%s seccomp", name).isEqualTo("RuntimeDefault");
                }
            }
            softly.assertThat(pod.getAutomountServiceAccountToken()).as("%s mounts no API token", name).isFalse();
            softly.assertThat(manifests.find(ServiceAccount.class, pod.getServiceAccountName()))
                    .as("ServiceAccount %s of %s", pod.getServiceAccountName(), name).isPresent();

            for (Container container : containers(deployment)) {
                String id = name + "/" + container.getName();
                SecurityContext security = container.getSecurityContext();
                softly.assertThat(security).as("securityContext of %s", id).isNotNull();
                if (security == null) {
                    continue;
                }
                softly.assertThat(security.getReadOnlyRootFilesystem()).as("%s readOnlyRootFilesystem", id).isTrue();
                softly.assertThat(security.getAllowPrivilegeEscalation()).as("%s allowPrivilegeEscalation", id).isFalse();
                softly.assertThat(security.getPrivileged()).as("%s privileged", id).isNotEqualTo(Boolean.TRUE);
                softly.assertThat(security.getCapabilities()).as("%s capabilities", id).isNotNull();
                if (security.getCapabilities() != null) {
                    softly.assertThat(security.getCapabilities().getDrop()).as("%s drops", id).contains("ALL");
                    softly.assertThat(security.getCapabilities().getAdd()).as("%s adds", id).isEmpty();
                }
                softly.assertThat(writableTmp(pod, container)).as("%s has an emptyDir at %s", id, Contract.WRITABLE_DIR).isTrue();
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @MethodSource("org.urbaninvest.deploy.kubernetes.Renders#all")
    void rolloutsKeepServingAndShutdownOutlastsTheOutboxFlush(String render) {
        Manifests manifests = Renders.of(render);
        SoftAssertions softly = new SoftAssertions();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            var rolling = deployment.getSpec().getStrategy().getRollingUpdate();
            softly.assertThat(deployment.getSpec().getStrategy().getType()).as("%s strategy", name).isEqualTo("RollingUpdate");
            softly.assertThat(rolling).as("%s rollingUpdate", name).isNotNull();
            if (rolling != null) {
                softly.assertThat(rolling.getMaxUnavailable().getIntVal()).as("%s maxUnavailable", name).isZero();
                softly.assertThat(rolling.getMaxSurge().getIntVal()).as("%s maxSurge", name).isPositive();
            }
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            long grace = pod.getTerminationGracePeriodSeconds();
            for (Container container : containers(deployment)) {
                String id = name + "/" + container.getName();
                long preStop = preStopSeconds(container);
                Duration shutdown = Duration.parse("PT" + PodEnv.of(container, manifests).literal("QUARKUS_SHUTDOWN_TIMEOUT").toUpperCase());
                softly.assertThat(preStop).as("%s preStop pause before SIGTERM", id).isPositive();
                softly.assertThat(shutdown.toSeconds()).as("%s QUARKUS_SHUTDOWN_TIMEOUT covers the outbox flush", id)
                        .isGreaterThanOrEqualTo(Contract.OUTBOX_FLUSH_SECONDS);
                softly.assertThat(grace).as("%s terminationGracePeriodSeconds > preStop + shutdown timeout", id)
                        .isGreaterThan(preStop + shutdown.toSeconds());
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @MethodSource("org.urbaninvest.deploy.kubernetes.Renders#all")
    void theJvmIsSizedForTheContainer(String render) {
        Manifests manifests = Renders.of(render);
        SoftAssertions softly = new SoftAssertions();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            for (Container container : containers(deployment)) {
                String options = PodEnv.of(container, manifests).literal("JAVA_OPTS_APPEND");
                Matcher matcher = MAX_RAM_PERCENTAGE.matcher(options);
                boolean sized = matcher.find();
                softly.assertThat(sized).as("%s JAVA_OPTS_APPEND sets MaxRAMPercentage", deployment.getMetadata().getName()).isTrue();
                if (sized) {
                    softly.assertThat(Double.parseDouble(matcher.group(1))).as("heap share of the memory limit")
                            .isBetween(25.0, 75.0);
                }
                softly.assertThat(PodEnv.of(container, manifests).literal("QUARKUS_HTTP_PORT")).isEqualTo(String.valueOf(Contract.HTTP_PORT));
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @MethodSource("org.urbaninvest.deploy.kubernetes.Renders#all")
    void eachServiceReadsItsOwnDatabaseKafkaUserAndTheJwtKey(String render) {
        Manifests manifests = Renders.of(render);
        Kafka kafka = manifests.all(Kafka.class).get(0);
        String kafkaName = kafka.getMetadata().getName();
        GenericKafkaListener listener = kafka.getSpec().getKafka().getListeners().get(0);
        SoftAssertions softly = new SoftAssertions();
        for (String service : Contract.SERVICES) {
            Deployment deployment = manifests.get(Deployment.class, service);
            Container container = containers(deployment).get(0);
            PodEnv env = PodEnv.of(container, manifests);
            String database = Contract.database(service);

            softly.assertThat(manifests.findGeneric("Cluster", database)).as("CloudNativePG Cluster %s", database).isPresent();
            softly.assertThat(env.literal("QUARKUS_DATASOURCE_JDBC_URL")).as("%s JDBC URL", service)
                    .startsWith("jdbc:postgresql://" + database + "-rw:5432/");
            softly.assertThat(env.get("QUARKUS_DATASOURCE_USERNAME")).as("%s database user", service)
                    .hasValueSatisfying(v -> assertThat(v.fromSecret(database + "-app", "username")).isTrue());
            softly.assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD")).as("%s database password", service)
                    .hasValueSatisfying(v -> assertThat(v.fromSecret(database + "-app", "password")).isTrue());

            softly.assertThat(manifests.find(KafkaUser.class, service)).as("KafkaUser %s", service).isPresent();
            softly.assertThat(env.get("KAFKA_SASL_JAAS_CONFIG")).as("%s Kafka credentials", service)
                    .hasValueSatisfying(v -> assertThat(v.fromSecret(service, "sasl.jaas.config")).isTrue());
            softly.assertThat(env.literal("KAFKA_BOOTSTRAP_SERVERS")).as("%s bootstrap", service)
                    .isEqualTo(KafkaResources.bootstrapServiceName(kafkaName) + ":" + listener.getPort());
            softly.assertThat(env.literal("KAFKA_SECURITY_PROTOCOL")).isEqualTo(listener.isTls() ? "SASL_SSL" : "SASL_PLAINTEXT");
            softly.assertThat(env.literal("KAFKA_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");
            if (listener.isTls()) {
                softly.assertThat(mountedSecretFile(deployment, container, env.literal("KAFKA_SSL_TRUSTSTORE_LOCATION")))
                        .as("%s trusts the Kafka cluster CA", service)
                        .isEqualTo(KafkaResources.clusterCaCertificateSecretName(kafkaName) + "/ca.crt");
            }
            softly.assertThat(mountedSecretFile(deployment, container, env.literal("MP_JWT_VERIFY_PUBLICKEY_LOCATION")))
                    .as("%s reads the JWK Set it trusts from a Secret", service)
                    .isEqualTo("urbaninvest-jwt-keys/jwks.json");
            softly.assertThat(env.literal("MP_JWT_VERIFY_ISSUER")).isNotBlank();
            for (String peer : ServiceConfig.of(service).calls()) {
                String variable = "QUARKUS_REST_CLIENT_" + peer.toUpperCase().replace('-', '_') + "_URL";
                softly.assertThat(env.literal(variable)).as("%s calls %s through its Service", service, peer)
                        .isEqualTo("http://" + peer + ":" + Contract.HTTP_PORT);
            }
        }
        Deployment investment = manifests.get(Deployment.class, "investment-service");
        Container investmentContainer = containers(investment).get(0);
        PodEnv investmentEnv = PodEnv.of(investmentContainer, manifests);
        softly.assertThat(mountedSecretFile(investment, investmentContainer, investmentEnv.literal("SMALLRYE_JWT_SIGN_KEY_LOCATION")))
                .as("investment-service signs its service token with a key from its own Secret")
                .isEqualTo("investment-service-jwt-signing-key/signing-key.pem");
        // a pod holds no signing key but its own service's: none signs tokens for people
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            List<String> signingKeys = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(volume -> volume.getSecret() != null).map(volume -> volume.getSecret().getSecretName())
                    .filter(secret -> secret.contains("signing")).toList();
            softly.assertThat(signingKeys).as("%s mounts the signing keys", name)
                    .isEqualTo(name.equals("investment-service") ? List.of("investment-service-jwt-signing-key") : List.of());
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @MethodSource("org.urbaninvest.deploy.kubernetes.Renders#all")
    void eachServiceExposesPort8080NamedHttpToItsReadyPods(String render) {
        Manifests manifests = Renders.of(render);
        SoftAssertions softly = new SoftAssertions();
        for (String name : Contract.SERVICES) {
            Service service = manifests.get(Service.class, name);
            Deployment deployment = manifests.get(Deployment.class, name);
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            softly.assertThat(podLabels).as("pods of %s match the Service selector", name)
                    .containsAllEntriesOf(service.getSpec().getSelector());
            softly.assertThat(deployment.getSpec().getSelector().getMatchLabels()).as("Deployment selector of %s", name)
                    .isEqualTo(service.getSpec().getSelector());
            softly.assertThat(service.getSpec().getPorts()).as("ports of Service %s", name).singleElement()
                    .satisfies(port -> {
                        assertThat(port.getName()).isEqualTo(Contract.HTTP_PORT_NAME);
                        assertThat(port.getPort()).isEqualTo(Contract.HTTP_PORT);
                        assertThat(targetsContainerPort(port, containers(deployment).get(0))).isTrue();
                    });
        }
        softly.assertAll();
    }

    private static List<Container> containers(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers();
    }

    private static void checkProbe(SoftAssertions softly, String id, Probe probe, String path) {
        softly.assertThat(probe).as(id).isNotNull();
        if (probe == null) {
            return;
        }
        softly.assertThat(probe.getHttpGet()).as("%s is an HTTP GET", id).isNotNull();
        if (probe.getHttpGet() != null) {
            softly.assertThat(probe.getHttpGet().getPath()).as("%s path", id).isEqualTo(path);
            var port = probe.getHttpGet().getPort();
            softly.assertThat(Contract.HTTP_PORT_NAME.equals(port.getStrVal()) || Integer.valueOf(Contract.HTTP_PORT).equals(port.getIntVal()))
                    .as("%s port", id).isTrue();
        }
        softly.assertThat(probe.getTimeoutSeconds()).as("%s timeout", id).isNotNull();
    }

    private static boolean writableTmp(PodSpec pod, Container container) {
        return container.getVolumeMounts().stream()
                .filter(m -> Contract.WRITABLE_DIR.equals(m.getMountPath()))
                .map(VolumeMount::getName)
                .anyMatch(volume -> pod.getVolumes().stream()
                        .anyMatch(v -> v.getName().equals(volume) && v.getEmptyDir() != null));
    }

    private static long preStopSeconds(Container container) {
        if (container.getLifecycle() == null || container.getLifecycle().getPreStop() == null
                || container.getLifecycle().getPreStop().getSleep() == null) {
            return 0;
        }
        return container.getLifecycle().getPreStop().getSleep().getSeconds();
    }

    /** "secret/key" for a file path that a container reads from a Secret volume, or null. */
    private static String mountedSecretFile(Deployment deployment, Container container, String location) {
        String file = location.startsWith("file:") ? location.substring("file:".length()) : location;
        for (VolumeMount mount : container.getVolumeMounts()) {
            String prefix = mount.getMountPath().endsWith("/") ? mount.getMountPath() : mount.getMountPath() + "/";
            if (!file.startsWith(prefix)) {
                continue;
            }
            String relative = file.substring(prefix.length());
            for (Volume volume : deployment.getSpec().getTemplate().getSpec().getVolumes()) {
                if (volume.getName().equals(mount.getName()) && volume.getSecret() != null) {
                    var items = volume.getSecret().getItems();
                    String key = items == null || items.isEmpty() ? relative
                            : items.stream().filter(i -> i.getPath().equals(relative)).map(i -> i.getKey()).findFirst().orElse(null);
                    return key == null ? null : volume.getSecret().getSecretName() + "/" + key;
                }
            }
        }
        return null;
    }

    private static boolean targetsContainerPort(ServicePort port, Container container) {
        var target = port.getTargetPort();
        return container.getPorts().stream().map(ContainerPort.class::cast).anyMatch(p ->
                (target.getStrVal() != null && target.getStrVal().equals(p.getName()))
                        || (target.getIntVal() != null && target.getIntVal().equals(p.getContainerPort())));
    }
}
