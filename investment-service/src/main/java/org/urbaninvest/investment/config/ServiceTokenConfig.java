package org.urbaninvest.investment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The token this service mints for its calls to project-service. */
@ConfigMapping(prefix = "urbaninvest.service-token")
public interface ServiceTokenConfig {

    /** The issuer the services trust (the same as {@code mp.jwt.verify.issuer}). */
    String issuer();

    @WithDefault("investment-service")
    String subject();

    /** The service role: project-service lets it read zones and projects, nothing else. */
    @WithDefault("service")
    List<String> groups();

    @WithDefault("5m")
    Duration lifetime();

    /**
     * The {@code kid} the token's header names, for a PEM signing key (a JWK names its own): the key's entry in the
     * JWK Set the services trust ({@code urbaninvest.signing-key.id}, on Kubernetes {@code URBANINVEST_SIGNING_KEY_ID}).
     * It starts with {@code service-}, so the token gets the service role only.
     */
    Optional<String> keyId();
}
