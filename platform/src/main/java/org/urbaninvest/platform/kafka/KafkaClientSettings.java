package org.urbaninvest.platform.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * The application's broker settings (bootstrap servers, security, the {@code kafka.*} configuration) for the
 * plain Kafka clients a service creates itself (the outbox relay's producer, dead letters, rebuild consumers), so
 * that they reach the broker exactly as the messaging channels do.
 */
@ApplicationScoped
public class KafkaClientSettings {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    /** The common client settings, without serializers or any channel's own settings; a new map each call. */
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
