package org.urbaninvest.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Validates event values against the JSON Schemas their producers publish: the schema of {@code ce_type}
 * {@code org.urbaninvest.<name>} is the classpath resource {@code events/<name>.schema.json}.
 */
public final class EventSchemas {

    public static final String PREFIX = "org.urbaninvest.";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    public static String resourceFor(String ceType) {
        if (!ceType.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an UrbanInvest event type: " + ceType);
        }
        return "events/" + ceType.substring(PREFIX.length()) + ".schema.json";
    }

    /**
     * The validation errors of {@code value} against the schema at {@code url} (a {@code ce_dataschema}), fetched as
     * a consumer would, with its {@code $ref}s resolved against that URL; empty when valid.
     */
    public static Set<String> errorsAgainst(String url, String value) {
        return validate(SCHEMAS.computeIfAbsent(url, location -> FACTORY.getSchema(SchemaLocation.of(location))),
                value);
    }

    /** The validation errors of {@code value} against the schema of {@code ceType}; empty when valid. */
    public static Set<String> errors(String ceType, String value) {
        return validate(SCHEMAS.computeIfAbsent(resourceFor(ceType),
                resource -> FACTORY.getSchema(SchemaLocation.of("classpath:" + resource))), value);
    }

    private static Set<String> validate(JsonSchema schema, String value) {
        try {
            JsonNode node = JSON.readTree(value);
            return schema.validate(node).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException("event value is not JSON", e);
        }
    }
}
