package org.urbaninvest.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OC4IDS 0.9 project package schema of the test resources ({@code oc4ids/project-package-0.9.schema.json}):
 * unknown properties refused everywhere, codelists as enums, and formats (uri, date-time) asserted.
 */
final class Oc4idsSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of("classpath:oc4ids/project-package-0.9.schema.json"),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    private Oc4idsSchema() {
    }

    /** Every validation error of the package, as {@code path: message}; empty when it is valid. */
    static Set<String> errors(String packageJson) {
        try {
            JsonNode node = JSON.readTree(packageJson);
            Set<String> errors = new TreeSet<>();
            for (ValidationMessage message : SCHEMA.validate(node)) {
                errors.add(message.getInstanceLocation() + ": " + message.getMessage());
            }
            return errors;
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON", e);
        }
    }
}
