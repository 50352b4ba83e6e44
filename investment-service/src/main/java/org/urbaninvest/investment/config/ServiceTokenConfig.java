package org.urbaninvest.investment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The token this service mints for its calls to project-service. */
@ConfigMapping(prefix = "urbaninvest.service-token")
public interface ServiceTokenConfig {

    /** The issuer the services trust (the same as {@code mp.jwt.verify.issuer}). */
    String issuer();

    @WithDefault("investment-service")
    String subject();

    @WithDefault("viewer")
    List<String> groups();

    @WithDefault("5m")
    Duration lifetime();
}
