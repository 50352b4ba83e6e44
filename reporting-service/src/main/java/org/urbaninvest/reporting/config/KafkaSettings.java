package org.urbaninvest.reporting.config;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/** The broker settings of the application (bootstrap servers, security) for plain Kafka clients. */
@ApplicationScoped
public class KafkaSettings {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    /** The common client settings, without serializers or any channel's own settings. */
    public Map<String, Object> client() {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (!key.startsWith("key.") && !key.startsWith("value.")) {
                config.put(key, value);
            }
        });
        return config;
    }
}
