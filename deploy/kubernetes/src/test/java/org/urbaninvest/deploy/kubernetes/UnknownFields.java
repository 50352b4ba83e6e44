package org.urbaninvest.deploy.kubernetes;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Finds fields that the real schema does not know. fabric8 and Strimzi model classes keep every
 * property they do not recognise in {@code additionalProperties} instead of failing, so a misspelt
 * field ({@code readinesProbe}, {@code operation} instead of {@code operations}) shows up there.
 */
final class UnknownFields {

    private static final List<String> MODEL_PACKAGES = List.of("io.fabric8.kubernetes.api.model", "io.fabric8.openshift.api.model", "io.strimzi.api");
    private static final int MAX_DEPTH = 40;

    private UnknownFields() {
    }

    /**
     * "Kind/name: path.to.field" for every unknown field of an object read into a Java model; for a kind with no
     * Java model, every violation of its JSON Schema ({@link CrdSchemas}).
     */
    static List<String> of(HasMetadata object) {
        if (object instanceof GenericKubernetesResource generic) {
            return CrdSchemas.violations(generic);
        }
        List<String> found = new ArrayList<>();
        walk(object, object.getKind() + "/" + object.getMetadata().getName(), found,
                Collections.newSetFromMap(new IdentityHashMap<>()), 0);
        return found;
    }

    private static void walk(Object value, String path, List<String> found, Set<Object> seen, int depth) {
        if (value == null || depth > MAX_DEPTH || !seen.add(value)) {
            return;
        }
        if (value instanceof Iterable<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", found, seen, depth + 1);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "." + key, found, seen, depth + 1));
            return;
        }
        if (!isModel(value.getClass())) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (!isGetter(getter)) {
                continue;
            }
            Object child = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(key -> found.add(path + "." + key));
                }
            } else {
                walk(child, path + "." + property(getter), found, seen, depth + 1);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return !type.isEnum() && MODEL_PACKAGES.stream().anyMatch(name::startsWith);
    }

    private static boolean isGetter(Method method) {
        return method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers())
                && method.getDeclaringClass() != Object.class
                && (method.getName().startsWith("get") || method.getName().startsWith("is"))
                && method.getReturnType() != void.class;
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return null;
        }
    }

    private static String property(Method getter) {
        String name = getter.getName();
        String bare = name.startsWith("is") ? name.substring(2) : name.substring(3);
        return bare.isEmpty() ? name : Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
    }
}
