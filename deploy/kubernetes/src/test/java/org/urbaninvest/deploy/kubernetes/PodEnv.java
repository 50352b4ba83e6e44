package org.urbaninvest.deploy.kubernetes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** The environment a container gets, resolved as Kubernetes does: envFrom first, then env overriding it. */
final class PodEnv {

    /** Either a plain value or a reference to a Secret key. */
    record Value(String literal, SecretKeySelector secret) {

        boolean fromSecret(String name, String key) {
            return secret != null && name.equals(secret.getName()) && key.equals(secret.getKey());
        }
    }

    private final Map<String, Value> values;

    private PodEnv(Map<String, Value> values) {
        this.values = values;
    }

    static PodEnv of(Container container, Manifests manifests) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                ConfigMap configMap = manifests.get(ConfigMap.class, source.getConfigMapRef().getName());
                configMap.getData().forEach((key, value) -> values.put(key, new Value(value, null)));
            }
            if (source.getSecretRef() != null) {
                throw new AssertionError(container.getName() + " takes a whole Secret as environment; name each key instead");
            }
        }
        for (EnvVar env : container.getEnv()) {
            SecretKeySelector secret = env.getValueFrom() == null ? null : env.getValueFrom().getSecretKeyRef();
            values.put(env.getName(), new Value(env.getValue(), secret));
        }
        return new PodEnv(values);
    }

    /** Every variable, in the order Kubernetes sets them. */
    Map<String, Value> all() {
        return Map.copyOf(values);
    }

    Optional<Value> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String literal(String name) {
        Value value = values.get(name);
        if (value == null || value.literal() == null) {
            throw new AssertionError("no plain value for " + name + " in " + values.keySet());
        }
        return value.literal();
    }
}
