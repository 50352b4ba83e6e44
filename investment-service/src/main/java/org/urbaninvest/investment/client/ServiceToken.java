package org.urbaninvest.investment.client;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtSignatureBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.urbaninvest.investment.config.ServiceTokenConfig;

/**
 * The bearer token this service presents to project-service: the service role, signed with this service's own key
 * ({@code smallrye.jwt.sign.key.location}: a private JWK, whose {@code kid} goes into the header, or a PEM key
 * with {@code urbaninvest.service-token.key-id}), short-lived, and
 * reused until shortly before it expires. The services give a token signed with that key the service role only.
 */
@ApplicationScoped
public class ServiceToken {

    private record Minted(String token, Instant renewAt) {
    }

    @Inject
    ServiceTokenConfig config;

    private volatile Minted current;

    public String get() {
        Minted minted = current;
        if (minted == null || Instant.now().isAfter(minted.renewAt())) {
            minted = mint();
        }
        return minted.token();
    }

    private synchronized Minted mint() {
        Minted minted = current;
        Instant now = Instant.now();
        if (minted != null && now.isBefore(minted.renewAt())) {
            return minted; // another thread renewed it meanwhile
        }
        Duration lifetime = config.lifetime();
        JwtSignatureBuilder signature = Jwt.issuer(config.issuer())
                .subject(config.subject())
                .groups(Set.copyOf(config.groups()))
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .jws();
        config.keyId().ifPresent(signature::keyId);
        String token = signature.sign();
        current = new Minted(token, now.plus(lifetime.dividedBy(2)));
        return current;
    }
}
