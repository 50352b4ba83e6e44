package org.urbaninvest.deploy.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Validates the custom resources that have no Java model on Maven Central (CloudNativePG, the Barman Cloud
 * plugin) against JSON Schemas written here from their API references, for exactly the fields the manifests
 * use: every object has {@code additionalProperties: false}, so a field the schema does not know is an error.
 */
final class CrdSchemas {

    private static final String BASE = "https://urbaninvest.org/schemas/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:schemas/")));
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private CrdSchemas() {
    }

    /** "Kind/name: message" for every way the object breaks its schema; one entry when there is no schema. */
    static List<String> violations(GenericKubernetesResource resource) {
        String id = resource.getKind() + "/" + resource.getMetadata().getName();
        String file = resource.getApiVersion().replace('/', '_') + "_" + resource.getKind() + ".json";
        JsonSchema schema;
        try {
            schema = SCHEMAS.computeIfAbsent(file, f -> FACTORY.getSchema(SchemaLocation.of(BASE + f)));
        } catch (RuntimeException e) {
            return List.of(id + ": no schema " + file + " under src/test/resources/schemas (" + e.getMessage() + ")");
        }
        JsonNode json = SERIALIZATION.convertValue(resource, JsonNode.class);
        return schema.validate(json).stream().map(message -> id + ": " + message.getMessage()).sorted().toList();
    }

    /** Every way {@code json} breaks the schema {@code file} under src/test/resources/schemas. */
    static List<String> violations(String file, JsonNode json) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(file, f -> FACTORY.getSchema(SchemaLocation.of(BASE + f)));
        return schema.validate(json).stream().map(message -> file + ": " + message.getMessage()).sorted().toList();
    }
}
