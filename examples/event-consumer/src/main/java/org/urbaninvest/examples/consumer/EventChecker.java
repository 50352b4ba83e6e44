package org.urbaninvest.examples.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;

import com.networknt.schema.ValidationMessage;
import io.cloudevents.CloudEvent;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a careful subscriber checks on every event before using it: a CloudEvent 1.0 with an id, a source, a type
 * and a subject equal to the Kafka key, JSON data, and a data schema URL whose schema the data satisfies. Each
 * schema is fetched once from its URL (the producing service serves it); its {@code $ref}s are resolved against
 * that URL.
 */
public final class EventChecker {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012);

    private final Map<URI, JsonSchema> fetched = new ConcurrentHashMap<>();

    /** The problems of one event; empty when it can be used. */
    public List<String> problems(String key, CloudEvent event) {
        List<String> problems = new ArrayList<>();
        if (event.getSpecVersion() != io.cloudevents.SpecVersion.V1) {
            problems.add("specversion " + event.getSpecVersion() + ", not 1.0");
        }
        if (event.getId() == null || event.getId().isBlank()) {
            problems.add("no id");
        }
        if (event.getSource() == null) {
            problems.add("no source");
        }
        if (event.getType() == null || !event.getType().startsWith("org.urbaninvest.")) {
            problems.add("type " + event.getType() + " is not one of the suite's");
        }
        if (key != null && !key.equals(event.getSubject())) {
            problems.add("subject " + event.getSubject() + " is not the key " + key);
        }
        if (event.getDataContentType() == null || !event.getDataContentType().startsWith("application/json")) {
            problems.add("data content type " + event.getDataContentType() + ", not JSON");
        }
        if (event.getData() == null) {
            problems.add("no data");
            return problems;
        }
        if (event.getDataSchema() == null) {
            problems.add("no dataschema");
            return problems;
        }
        try {
            JsonNode data = JSON.readTree(event.getData().toBytes());
            JsonSchema schema = fetched.computeIfAbsent(event.getDataSchema(),
                    url -> SCHEMAS.getSchema(SchemaLocation.of(url.toString())));
            for (ValidationMessage message : schema.validate(data)) {
                problems.add("data against " + event.getDataSchema() + ": " + message.getMessage());
            }
        } catch (IOException e) {
            problems.add("data is not JSON: " + e.getMessage());
        } catch (RuntimeException e) {
            problems.add("schema " + event.getDataSchema() + " could not be read: " + e.getMessage());
        }
        return problems;
    }
}
