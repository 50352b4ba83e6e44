package org.urbaninvest.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.apache.kafka.server.common.MetadataVersion;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleClusterResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;

/** The Strimzi resources: a KRaft cluster, a topic per contract topic, and least-privilege users. */
@RequiresKubectl
class KafkaTest {

    private static final String CLUSTER_LABEL = "strimzi.io/cluster";

    @ParameterizedTest
    @MethodSource("org.urbaninvest.deploy.kubernetes.Renders#overlays")
    void oneKraftClusterWithControllerAndBrokerPoolsAndAnAuthenticatedListener(String render) {
        Manifests manifests = Renders.of(render);
        assertThat(manifests.all(Kafka.class)).as("Kafka clusters in %s", render).hasSize(1);
        Kafka kafka = manifests.all(Kafka.class).get(0);
        String name = kafka.getMetadata().getName();
        List<KafkaNodePool> pools = manifests.all(KafkaNodePool.class);

        assertThat(pools).as("node pools of %s", name)
                .allSatisfy(pool -> assertThat(pool.getMetadata().getLabels()).containsEntry(CLUSTER_LABEL, name));
        assertThat(pools.stream().flatMap(p -> p.getSpec().getRoles().stream()))
                .as("KRaft roles").contains(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);

        List<GenericKafkaListener> listeners = kafka.getSpec().getKafka().getListeners();
        assertThat(listeners).as("client listeners").singleElement().satisfies(listener -> {
            assertThat(listener.isTls()).as("TLS").isTrue();
            assertThat(listener.getAuth()).isInstanceOf(KafkaListenerAuthenticationScramSha512.class);
            assertThat(listener.getNetworkPolicyPeers()).as("who may connect").isNotEmpty();
        });
        assertThat(kafka.getSpec().getKafka().getVersion()).as("Kafka version: the one the local broker and the tests run")
                .isEqualTo(System.getProperty("urbaninvest.kafka-broker.version"));
        assertThat(kafka.getSpec().getKafka().getMetadataVersion()).as("metadata version the local broker formats with")
                .isEqualTo(MetadataVersion.LATEST_PRODUCTION.version());
        assertThat(kafka.getSpec().getKafka().getAuthorization()).isInstanceOf(KafkaAuthorizationSimple.class);
        assertThat(kafka.getSpec().getKafka().getConfig()).containsEntry("auto.create.topics.enable", false);
        assertThat(kafka.getSpec().getEntityOperator().getTopicOperator()).as("topic operator").isNotNull();
        assertThat(kafka.getSpec().getEntityOperator().getUserOperator()).as("user operator").isNotNull();
    }

    @ParameterizedTest
    @MethodSource("org.urbaninvest.deploy.kubernetes.Renders#overlays")
    void everyContractTopicAndDeadLetterTopicHasAKafkaTopic(String render) {
        Manifests manifests = Renders.of(render);
        String cluster = manifests.all(Kafka.class).get(0).getMetadata().getName();
        int brokers = brokers(manifests);
        SoftAssertions softly = new SoftAssertions();

        Map<String, KafkaTopic> topics = manifests.all(KafkaTopic.class).stream()
                .collect(Collectors.toMap(KafkaTest::topicName, t -> t));
        softly.assertThat(topics.keySet()).as("topics of %s", render).containsExactlyInAnyOrderElementsOf(ServiceConfig.topics());
        Set<String> deadLetters = ServiceConfig.allDeadLetterTopics();

        topics.forEach((name, topic) -> {
            Map<String, Object> config = topic.getSpec().getConfig();
            int replicas = topic.getSpec().getReplicas();
            softly.assertThat(topic.getMetadata().getLabels()).as(name).containsEntry(CLUSTER_LABEL, cluster);
            softly.assertThat(replicas).as("%s replicas fit on the brokers", name).isBetween(1, brokers);
            softly.assertThat(number(config.get("min.insync.replicas"))).as("%s min.insync.replicas", name)
                    .isEqualTo(replicas == 1 ? 1 : replicas - 1);
            if (Contract.COMPACTED_TOPICS.contains(name)) {
                softly.assertThat(config).as(name).containsEntry("cleanup.policy", "compact");
            } else {
                softly.assertThat(config).as(name).containsEntry("cleanup.policy", "delete").containsKey("retention.ms");
            }
            softly.assertThat(topic.getMetadata().getAnnotations()).as("%s annotations", name)
                    .containsEntry("urbaninvest.org/producer", ServiceConfig.producer(name));
            if (!Contract.COMPACTED_TOPICS.contains(name) && !deadLetters.contains(name)) {
                softly.assertThat(number(config.get("retention.ms"))).as("%s is kept for rebuilds", name).isEqualTo(-1);
                softly.assertThat(topic.getSpec().getPartitions()).as("%s partitions", name)
                        .isEqualTo(Contract.PARTITIONS.getOrDefault(name, Contract.DEFAULT_PARTITIONS));
            }
        });
        softly.assertAll();
    }

    @ParameterizedTest
    @MethodSource("org.urbaninvest.deploy.kubernetes.Renders#overlays")
    void eachServiceUserMayProduceAndConsumeOnlyItsOwnTopics(String render) {
        Manifests manifests = Renders.of(render);
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(manifests.all(KafkaUser.class)).extracting(u -> u.getMetadata().getName()).as("Kafka users of %s", render)
                .containsExactlyInAnyOrderElementsOf(Stream.concat(Contract.SERVICES.stream(), Stream.of(Contract.OPS_USER)).toList());
        for (String service : Contract.SERVICES) {
            KafkaUser user = manifests.get(KafkaUser.class, service);
            softly.assertThat(user.getSpec().getAuthentication()).as(service)
                    .isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
            List<AclRule> acls = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();

            ServiceConfig config = ServiceConfig.of(service);
            softly.assertThat(topicsWith(acls, AclOperation.WRITE)).as("%s writes", service).isEqualTo(config.produces());
            softly.assertThat(topicsWith(acls, AclOperation.READ)).as("%s reads", service).isEqualTo(config.consumes());
            Set<String> described = new HashSet<>(config.produces());
            described.addAll(config.consumes());
            softly.assertThat(topicsWith(acls, AclOperation.DESCRIBE)).as("%s describes", service).isEqualTo(described);
            softly.assertThat(acls).as("%s writes idempotently", service).anyMatch(rule ->
                    rule.getResource() instanceof AclRuleClusterResource && rule.getOperations().contains(AclOperation.IDEMPOTENTWRITE));
            softly.assertThat(groupsWith(acls, AclOperation.READ)).as("%s consumer groups", service).isEqualTo(groups(config));
            softly.assertThat(acls).as("%s has no broad rights", service).noneMatch(rule -> rule.getOperations().stream()
                    .anyMatch(op -> op == AclOperation.ALL || op == AclOperation.ALTER || op == AclOperation.DELETE
                            || op == AclOperation.CREATE || op == AclOperation.ALTERCONFIGS));
            softly.assertThat(acls).as("%s names its topics", service).noneMatch(rule ->
                    rule.getResource() instanceof AclRuleTopicResource topic
                            && (topic.getPatternType() == AclResourcePatternType.PREFIX || "*".equals(topic.getName())));
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @MethodSource("org.urbaninvest.deploy.kubernetes.Renders#overlays")
    void theOpsUserReadsEveryTopicAndSeesEveryConsumerGroupButWritesNothing(String render) {
        KafkaUser ops = Renders.of(render).get(KafkaUser.class, Contract.OPS_USER);
        List<AclRule> acls = ((KafkaUserAuthorizationSimple) ops.getSpec().getAuthorization()).getAcls();
        Set<String> serviceGroups = new HashSet<>();
        ServiceConfig.all().forEach(service -> serviceGroups.addAll(groups(service)));
        Set<String> readGroups = new HashSet<>();
        ServiceConfig.all().forEach(service -> readGroups.addAll(service.groups()));
        readGroups.add(Contract.OPS_GROUP_PREFIX + "*");

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(topicsWith(acls, AclOperation.READ)).as("topics the ops user reads").isEqualTo(ServiceConfig.topics());
        softly.assertThat(topicsWith(acls, AclOperation.DESCRIBE)).as("topics the ops user describes").isEqualTo(ServiceConfig.topics());
        softly.assertThat(topicsWith(acls, AclOperation.WRITE)).as("topics the ops user writes").isEmpty();
        softly.assertThat(groupsWith(acls, AclOperation.DESCRIBE)).as("groups the ops user watches (lag, rebuilds)")
                .isEqualTo(serviceGroups);
        softly.assertThat(groupsWith(acls, AclOperation.READ)).as("groups the ops user reads under or resets (not the generated rebuild groups)").isEqualTo(readGroups);
        softly.assertAll();
    }

    /** The consumer groups a service uses: its channels' groups, and "prefix*" for generated ones. */
    private static Set<String> groups(ServiceConfig service) {
        Set<String> groups = new HashSet<>(service.groups());
        service.groupPrefix().ifPresent(prefix -> groups.add(prefix + "*"));
        return groups;
    }

    static int brokers(Manifests manifests) {
        return manifests.all(KafkaNodePool.class).stream()
                .filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
    }

    static String topicName(KafkaTopic topic) {
        return topic.getSpec().getTopicName() != null ? topic.getSpec().getTopicName() : topic.getMetadata().getName();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
    }

    static Set<String> topicsWith(List<AclRule> acls, AclOperation operation) {
        return acls.stream()
                .filter(rule -> rule.getResource() instanceof AclRuleTopicResource && rule.getOperations().contains(operation))
                .map(rule -> ((AclRuleTopicResource) rule.getResource()).getName())
                .collect(Collectors.toSet());
    }

    private static Set<String> groupsWith(List<AclRule> acls, AclOperation operation) {
        return acls.stream()
                .filter(rule -> rule.getResource() instanceof AclRuleGroupResource && rule.getOperations().contains(operation))
                .map(rule -> (AclRuleGroupResource) rule.getResource())
                .map(group -> group.getName() + (group.getPatternType() == AclResourcePatternType.PREFIX ? "*" : ""))
                .collect(Collectors.toSet());
    }
}
