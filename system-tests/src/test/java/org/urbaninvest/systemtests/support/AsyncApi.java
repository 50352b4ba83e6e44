package org.urbaninvest.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.urbaninvest.systemtests.support.Api.Call;
import org.urbaninvest.systemtests.support.Api.Reply;
import org.urbaninvest.systemtests.support.RunningSuite.Service;

/**
 * What the services say they publish, read as a consumer reads it: each service's AsyncAPI document from
 * {@code /q/asyncapi} (which leads to {@code /api/v1/schemas/events/asyncapi.yaml}), no token.
 */
public final class AsyncApi {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String PREFIX = "org.urbaninvest.";

    /** Per topic (dead letters left out): the service that declares it and the event types it declares on it. */
    public record Topics(Map<String, Service> producers, Map<String, Set<String>> types) {

        public Set<String> allTypes() {
            Set<String> all = new TreeSet<>();
            types.values().forEach(all::addAll);
            return all;
        }
    }

    private AsyncApi() {
    }

    public static Topics read(Api api) {
        Map<String, Service> producers = new TreeMap<>();
        Map<String, Set<String>> types = new TreeMap<>();
        for (Service service : Service.values()) {
            Reply redirect = api.send(new Call(service, "GET", "/q/asyncapi"));
            assertThat(redirect.status()).as("/q/asyncapi of %s", service.id()).isIn(301, 302, 303, 307, 308);
            String location = redirect.header("Location").orElseThrow();
            Reply reply = api.send(new Call(service, "GET", location)).expect(200);
            assertThat(reply.contentType()).startsWith("application/yaml");
            JsonNode document = parse(reply.body());
            for (JsonNode channel : document.path("channels")) {
                String topic = channel.path("address").asText();
                if (topic.endsWith(".dlq")) {
                    continue;
                }
                assertThat(producers.put(topic, service)).as("%s declared by one service only", topic).isNull();
                Set<String> declared = types.computeIfAbsent(topic, t -> new TreeSet<>());
                for (JsonNode reference : channel.path("messages")) {
                    JsonNode message = document.at(reference.path("$ref").asText().substring(1));
                    String type = message.at("/headers/allOf/1/properties/ce_type/const").asText();
                    assertThat(type).as("ce_type of a message on %s", topic).startsWith(PREFIX);
                    declared.add(type.substring(PREFIX.length()));
                }
            }
        }
        return new Topics(producers, types);
    }

    private static JsonNode parse(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
