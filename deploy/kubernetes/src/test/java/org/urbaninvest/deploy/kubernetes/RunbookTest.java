package org.urbaninvest.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclRule;

/**
 * The YAML an operator copies from README.md goes through the same strict checks as the manifests: objects into
 * their models with no unknown field, kustomizations rendered first (with this repository in place of the
 * operator's checkout).
 */
@RequiresKubectl
class RunbookTest {

    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    /** Where the runbook's overlays say the checkout is, relative to the overlay's own folder. */
    private static final String CHECKOUT = "../deploy/kubernetes/";

    @Test
    void everyYamlSnippetIsValidAgainstTheStrictSchemas() throws IOException {
        List<String> blocks = yamlBlocks();
        assertThat(blocks).as("```yaml blocks in README.md").hasSizeGreaterThanOrEqualTo(5);
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < blocks.size(); i++) {
            String block = blocks.get(i);
            String name = "README.md yaml block " + (i + 1) + " (" + block.lines().findFirst().orElse("") + ")";
            List<HasMetadata> objects = objects(block, i);
            softly.assertThat(objects).as("objects of %s", name).isNotEmpty();
            softly.assertThat(objects.stream().flatMap(o -> UnknownFields.of(o).stream()).toList())
                    .as("fields the schemas do not know, in %s", name).isEmpty();
        }
        softly.assertAll();
    }

    @Test
    void theReplayUserReadsTheDeadLettersAndWritesOnlyWhereTheyCameFrom() throws IOException {
        List<KafkaUser> users = new ArrayList<>();
        List<String> blocks = yamlBlocks();
        for (int i = 0; i < blocks.size(); i++) {
            objects(blocks.get(i), i).stream().filter(KafkaUser.class::isInstance).map(KafkaUser.class::cast).forEach(users::add);
        }
        KafkaUser replay = users.stream().filter(Manifests.named("urbaninvest-dlq-replay")).findFirst().orElseThrow();
        List<AclRule> acls = ((KafkaUserAuthorizationSimple) replay.getSpec().getAuthorization()).getAcls();

        Set<String> sources = new TreeSet<>();
        ServiceConfig.all().stream().filter(s -> !s.deadLetterTopics().isEmpty()).forEach(s -> sources.addAll(s.consumes()));
        assertThat(KafkaTest.topicsWith(acls, AclOperation.READ)).as("the replay reads").isEqualTo(ServiceConfig.allDeadLetterTopics());
        assertThat(KafkaTest.topicsWith(acls, AclOperation.WRITE)).as("the replay writes the topics whose consumers dead-letter")
                .isEqualTo(sources);
    }

    @Test
    void theDevImagesArePushedWhereTheDevOverlayPullsThem() throws IOException {
        String runbook = Files.readString(Kustomize.MODULE.resolve("README.md"));
        Matcher registry = Pattern.compile("-Dquarkus\\.container-image\\.registry=(localhost:\\d+)").matcher(runbook);
        assertThat(registry.find()).as("the runbook's dev build names a local registry").isTrue();
        for (Deployment deployment : Renders.of(Renders.DEV).all(Deployment.class)) {
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .startsWith(registry.group(1) + "/" + Contract.image(deployment.getMetadata().getName()) + ":");
        }
    }

    private static List<String> yamlBlocks() throws IOException {
        String runbook = Files.readString(Kustomize.MODULE.resolve("README.md"));
        List<String> blocks = new ArrayList<>();
        Matcher matcher = YAML_BLOCK.matcher(runbook);
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    private static List<HasMetadata> objects(String block, int index) throws IOException {
        if (!block.contains("kind: Kustomization")) {
            return Manifests.parse("README.md", block).all();
        }
        Path dir = Kustomize.MODULE.resolve("target/runbook/block-" + (index + 1));
        Files.createDirectories(dir);
        String relative = dir.relativize(Kustomize.MODULE).toString() + "/";
        Files.writeString(dir.resolve("kustomization.yaml"), block.replace(CHECKOUT, relative));
        return Kustomize.renderFolder(dir).all();
    }
}
