package org.urbaninvest.platform.tracing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The OpenTelemetry SDK on, as with {@code ./run.sh --otlp} or the Kubernetes tracing component. Nothing is sampled
 * (so nothing is exported and no collector is needed): unsampled spans still get their own ids and propagate the
 * trace context, which is what these tests look at.
 */
public class TracingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.traces.sampler", "always_off");
    }
}
