package org.urbaninvest.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The AsyncAPI documents: each service's ({@code src/main/resources/events/asyncapi.yaml}, served at
 * {@code /q/asyncapi}) and the suite's ({@code docs/asyncapi.yaml}). Each is valid against the official AsyncAPI
 * 3.0.0 JSON Schema (npm {@code @asyncapi/specs}), every {@code $ref} resolves, and each says exactly what the code
 * and the manifests do: a channel per topic the service writes and no other, the topic's partitions and clean-up
 * policy as its KafkaTopic has them, a message per event type the service has a schema for, each with its own
 * {@code ce_type} and {@code ce_source} and the schema file of that type as payload.
 */
class AsyncApiTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Kustomize.MODULE.resolve("../..").normalize();
    private static final Path SPEC = Kustomize.MODULE.resolve("node_modules/@asyncapi/specs/schemas/3.0.0-without-$id.json");
    /** An event type's own schema, {@code <aggregate>.<event>.schema.json}, as opposed to a shared part. */
    private static final Pattern TYPE_SCHEMA = Pattern.compile("([a-z-]+\\.[a-z-]+)\\.schema\\.json");
    private static final String DEAD_LETTERS = ".dlq";

    static Stream<Path> documents() {
        return Stream.concat(Contract.SERVICES.stream().map(AsyncApiTest::serviceDocument),
                Stream.of(ROOT.resolve("docs/asyncapi.yaml")));
    }

    static Stream<String> services() {
        return Contract.SERVICES.stream();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void isValidAgainstTheOfficialAsyncApiSchema(Path document) throws IOException {
        assertThat(SPEC).as("the official schema, installed by npm ci from package-lock.json").exists();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(JSON.readTree(SPEC.toFile()));
        Set<ValidationMessage> errors = schema.validate(read(document));
        assertThat(errors).as(ROOT.relativize(document).toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyReferenceResolves(Path document) {
        List<String> broken = new ArrayList<>();
        Map<Path, JsonNode> files = new HashMap<>();
        references(read(document), new ArrayList<>()).forEach(reference -> {
            String[] parts = reference.split("#", 2);
            Path file = parts[0].isEmpty() ? document : document.resolveSibling(parts[0]).normalize();
            if (!Files.isRegularFile(file)) {
                broken.add(reference + ": no file " + file);
                return;
            }
            JsonNode target = files.computeIfAbsent(file, AsyncApiTest::read);
            if (parts.length == 2 && target.at(parts[1]).isMissingNode()) {
                broken.add(reference + ": nothing at " + parts[1]);
            }
        });
        assertThat(broken).as(ROOT.relativize(document).toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("services")
    void aServicesChannelsAreExactlyTheTopicsItWritesAsTheirKafkaTopicsAreConfigured(String service) {
        JsonNode channels = read(serviceDocument(service)).path("channels");
        Map<String, KafkaTopic> topics = Renders.of(Renders.PROD).all(KafkaTopic.class).stream()
                .collect(Collectors.toMap(KafkaTest::topicName, topic -> topic));
        SoftAssertions softly = new SoftAssertions();
        Set<String> addresses = new TreeSet<>();
        channels.forEach(channel -> {
            String topic = channel.path("address").asText();
            addresses.add(topic);
            JsonNode kafka = channel.at("/bindings/kafka");
            KafkaTopic manifest = topics.get(topic);
            softly.assertThat(manifest).as("KafkaTopic of %s", topic).isNotNull();
            if (manifest != null) {
                softly.assertThat(kafka.path("partitions").asInt()).as("%s partitions", topic)
                        .isEqualTo(manifest.getSpec().getPartitions());
                Map<String, Object> config = manifest.getSpec().getConfig();
                softly.assertThat(kafka.at("/topicConfiguration/cleanup.policy/0").asText()).as("%s clean-up", topic)
                        .isEqualTo(config.get("cleanup.policy"));
                for (String setting : List.of("retention.ms", "delete.retention.ms")) {
                    if (config.containsKey(setting) || kafka.path("topicConfiguration").has(setting)) {
                        softly.assertThat(kafka.at("/topicConfiguration/" + setting).asLong()).as("%s %s", topic, setting)
                                .isEqualTo(Long.parseLong(String.valueOf(config.get(setting))));
                    }
                }
            }
        });
        softly.assertThat(addresses).as("channels of %s = the topics its code and configuration write", service)
                .containsExactlyInAnyOrderElementsOf(ServiceConfig.of(service).produces());
        softly.assertAll();
    }

    @ParameterizedTest
    @MethodSource("services")
    void aServicesMessagesAreExactlyItsEventTypesEachWithItsHeadersAndSchema(String service) throws IOException {
        JsonNode document = read(serviceDocument(service));
        Map<String, String> payloads = new TreeMap<>();
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(document.at("/components/schemas/cloudEventHeaders/properties/ce_source/const").asText())
                .as("ce_source of %s", service).isEqualTo("/" + service);
        softly.assertThat(document.at("/components/schemas/cloudEventHeaders/required")).extracting(JsonNode::asText)
                .as("headers every event of %s carries", service).contains("ce_specversion", "ce_id", "ce_source",
                        "ce_type", "ce_subject", "ce_time", "content-type", "ce_dataschema");
        for (JsonNode channel : document.path("channels")) {
            if (channel.path("address").asText().endsWith(DEAD_LETTERS)) {
                continue;
            }
            for (JsonNode reference : channel.path("messages")) {
                JsonNode message = document.at(reference.path("$ref").asText().substring(1));
                String name = message.path("name").asText();
                softly.assertThat(message.at("/headers/allOf/1/properties/ce_type/const").asText())
                        .as("ce_type of %s", name).isEqualTo("org.urbaninvest." + name);
                payloads.put(name, message.at("/payload/$ref").asText());
            }
        }
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.list(serviceDocument(service).getParent())) {
            files.map(file -> TYPE_SCHEMA.matcher(file.getFileName().toString()))
                    .filter(java.util.regex.Matcher::matches).forEach(match -> types.add(match.group(1)));
        }
        softly.assertThat(payloads.keySet()).as("messages of %s = the event types it has schemas for", service)
                .containsExactlyInAnyOrderElementsOf(types);
        payloads.forEach((name, payload) -> softly.assertThat(payload).as("payload of %s", name)
                .isEqualTo(name + ".schema.json"));
        softly.assertAll();
    }

    @Test
    void theSuitesDocumentHoldsEveryServicesChannelsAndOperations() {
        JsonNode suite = read(ROOT.resolve("docs/asyncapi.yaml"));
        for (String part : List.of("channels", "operations")) {
            Set<String> referenced = new TreeSet<>();
            suite.path(part).forEach(entry -> referenced.add(entry.path("$ref").asText()));
            Set<String> declared = new TreeSet<>();
            for (String service : Contract.SERVICES) {
                read(serviceDocument(service)).path(part).fieldNames().forEachRemaining(name -> declared.add(
                        "../" + service + "/src/main/resources/events/asyncapi.yaml#/" + part + "/" + name));
            }
            assertThat(referenced).as("%s of docs/asyncapi.yaml", part).isEqualTo(declared);
        }
    }

    static Path serviceDocument(String service) {
        return ServiceConfig.module(service).resolve("src/main/resources/events/asyncapi.yaml");
    }

    private static List<String> references(JsonNode node, List<String> found) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    found.add(field.getValue().asText());
                } else {
                    references(field.getValue(), found);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> references(element, found));
        }
        return found;
    }

    private static JsonNode read(Path file) {
        try {
            return (file.toString().endsWith(".json") ? JSON : YAML).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
