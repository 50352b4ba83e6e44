package org.urbaninvest.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "urbaninvest.idempotency")
public interface IdempotencyConfig {

    /** How long a key answers with its first response; after that it is forgotten and may be used again. */
    @WithDefault("24h")
    Duration ttl();

    /** How often expired keys are deleted (the scheduler reads the same property). */
    @WithDefault(IdempotencyPurge.DEFAULT_INTERVAL)
    Duration purgeInterval();
}
