package org.urbaninvest.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares an event payload record with the JSON Schema of its topic: every component of the record (and of the
 * records it nests, declared beside it) must be a property of the schema's object, and every property a
 * component. A renamed field on either side is a difference, so a payload and its published contract cannot
 * drift apart unnoticed. Schemas are read from the class path ({@code events/…}); {@code $ref}s to
 * {@code #/$defs/…} and to sibling files are followed.
 */
public final class PayloadSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PayloadSchemas() {
    }

    /** Every difference, as {@code path: what}; empty when record and schema agree. */
    public static List<String> differences(Class<? extends Record> payload, String schemaResource) {
        List<String> found = new ArrayList<>();
        Located schema = resolve(new Located(load(schemaResource), schemaResource), found, payload.getSimpleName());
        compare(payload, schema, payload.getSimpleName(), found);
        return found;
    }

    private static void compare(Class<?> record, Located schema, String path, List<String> found) {
        JsonNode properties = schema.node.path("properties");
        if (!properties.isObject()) {
            found.add(path + ": schema " + schema.file + " has no object properties here");
            return;
        }
        Set<String> components = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            components.add(component.getName());
        }
        Set<String> declared = new TreeSet<>();
        properties.fieldNames().forEachRemaining(declared::add);
        for (String name : components) {
            if (!declared.contains(name)) {
                found.add(path + "." + name + ": in the record, not in the schema");
            }
        }
        for (String name : declared) {
            if (!components.contains(name)) {
                found.add(path + "." + name + ": in the schema, not in the record");
            }
        }
        for (RecordComponent component : record.getRecordComponents()) {
            if (!declared.contains(component.getName())) {
                continue;
            }
            String at = path + "." + component.getName();
            Located property = resolve(new Located(properties.get(component.getName()), schema.file), found, at);
            nested(record, component.getGenericType(), property, at, found);
        }
    }

    /** Follows a component into a nested payload record, a list of them, or a map of them. */
    private static void nested(Class<?> owner, Type type, Located schema, String path, List<String> found) {
        if (type instanceof Class<?> plain && isPayload(owner, plain)) {
            compare(plain, schema, path, found);
        } else if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            Type[] arguments = generic.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                nested(owner, arguments[0], resolve(schema.at("items"), found, path), path + "[]", found);
            } else if (Map.class.isAssignableFrom(raw)) {
                nested(owner, arguments[1], resolve(schema.at("additionalProperties"), found, path), path + "{}",
                        found);
            }
        }
    }

    /** A record declared in the same top-level payload (a nested record) or in the same package. */
    private static boolean isPayload(Class<?> owner, Class<?> type) {
        return type.isRecord() && type.getPackageName().equals(owner.getPackageName());
    }

    /** The object schema behind {@code $ref}s and a nullable {@code oneOf}/{@code anyOf}/{@code allOf}. */
    private static Located resolve(Located schema, List<String> found, String path) {
        JsonNode node = schema.node;
        if (node == null || node.isMissingNode()) {
            return schema;
        }
        if (node.has("$ref")) {
            return resolve(reference(schema, node.get("$ref").asText()), found, path);
        }
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            if (node.has(combinator) && !node.has("properties")) {
                for (JsonNode branch : node.get(combinator)) {
                    Located candidate = resolve(new Located(branch, schema.file), found, path);
                    if (candidate.node.has("properties") || candidate.node.has("items")) {
                        return candidate;
                    }
                }
            }
        }
        return schema;
    }

    private static Located reference(Located from, String ref) {
        int hash = ref.indexOf('#');
        String file = hash == 0 ? from.file : sibling(from.file, hash < 0 ? ref : ref.substring(0, hash));
        JsonNode node = load(file);
        if (hash >= 0) {
            for (String step : Arrays.stream(ref.substring(hash + 1).split("/")).filter(s -> !s.isEmpty()).toList()) {
                node = node.path(step);
            }
        }
        return new Located(node, file);
    }

    private static String sibling(String file, String relative) {
        int slash = file.lastIndexOf('/');
        String joined = slash < 0 ? relative : file.substring(0, slash + 1) + relative;
        List<String> parts = new ArrayList<>();
        for (String part : joined.split("/")) {
            if (part.equals("..") && !parts.isEmpty()) {
                parts.remove(parts.size() - 1);
            } else if (!part.equals(".") && !part.isEmpty()) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    private static JsonNode load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema " + resource + " on the class path");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Located(JsonNode node, String file) {
        Located at(String field) {
            return new Located(node == null ? null : node.get(field), file);
        }
    }
}
