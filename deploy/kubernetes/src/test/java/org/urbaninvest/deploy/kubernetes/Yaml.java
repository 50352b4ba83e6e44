package org.urbaninvest.deploy.kubernetes;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** Reads fields of objects that have no Java model here (CloudNativePG, Barman Cloud, Prometheus Operator). */
final class Yaml {

    private Yaml() {
    }

    static Object at(GenericKubernetesResource resource, String... path) {
        Object current = resource.getAdditionalProperties();
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                throw new AssertionError(resource.getKind() + "/" + resource.getMetadata().getName()
                        + " has no " + String.join(".", path));
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(GenericKubernetesResource resource, String... path) {
        return (Map<String, Object>) at(resource, path);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(GenericKubernetesResource resource, String... path) {
        return (List<Map<String, Object>>) at(resource, path);
    }

    static boolean has(GenericKubernetesResource resource, String... path) {
        Object current = resource.getAdditionalProperties();
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return false;
            }
            current = map.get(key);
        }
        return true;
    }
}
