package org.urbaninvest.platform.outbox;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The relay thread off, so a test decides when the outbox is relayed and can stop it half-way. */
public class ManualRelayProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("urbaninvest.outbox.relay-enabled", "false");
    }
}
