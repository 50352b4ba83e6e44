package org.urbaninvest.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens as verified, kept by the SHA-256 of the token so that a client sending the same token again is not
 * checked again (an RS256 signature check is the costliest step of a small request): an entry lives until the
 * token's {@code exp}, and at most {@code urbaninvest.security.verified-tokens.max-age} (default 2 s), so that a key
 * removed from the key set is refused as soon as the services have read the new set plus that much. Only the
 * outcome of a success is kept; a refused token is checked afresh each time. Every other parse goes to smallrye-jwt's
 * own parser unchanged.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    private final DefaultJWTParser parser;
    private final Cache<ByteBuffer, JsonWebToken> verified;

    @Inject
    VerifiedTokens(DefaultJWTParser parser,
            @ConfigProperty(name = "urbaninvest.security.verified-tokens.max-age", defaultValue = "2S") Duration maxAge,
            @ConfigProperty(name = "urbaninvest.security.verified-tokens.max-size", defaultValue = "10000") long maxSize) {
        this.parser = parser;
        long ceiling = maxAge.toNanos();
        this.verified = Caffeine.newBuilder().maximumSize(maxSize).expireAfter(new Expiry<ByteBuffer, JsonWebToken>() {
            @Override
            public long expireAfterCreate(ByteBuffer key, JsonWebToken token, long now) {
                long untilExpiry = TimeUnit.SECONDS.toNanos(token.getExpirationTime() - System.currentTimeMillis() / 1000);
                return Math.max(0, Math.min(ceiling, untilExpiry));
            }

            @Override
            public long expireAfterUpdate(ByteBuffer key, JsonWebToken token, long now, long remaining) {
                return remaining;
            }

            @Override
            public long expireAfterRead(ByteBuffer key, JsonWebToken token, long now, long remaining) {
                return remaining;
            }
        }).build();
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        ByteBuffer key = digest(bearerToken);
        JsonWebToken known = verified.getIfPresent(key);
        if (known != null) {
            return known;
        }
        JsonWebToken token = parser.parse(bearerToken);
        verified.put(key, token);
        return token;
    }

    /** Whether {@code bearerToken} is held as verified now. */
    boolean holds(String bearerToken) {
        return held(bearerToken) != null;
    }

    /** The token as verified when it is held now, else {@code null}. */
    JsonWebToken held(String bearerToken) {
        return verified.getIfPresent(digest(bearerToken));
    }

    @Override
    public JsonWebToken parse(String bearerToken, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(bearerToken, context);
    }

    @Override
    public JsonWebToken verify(String bearerToken, PublicKey key) throws ParseException {
        return parser.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, SecretKey key) throws ParseException {
        return parser.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, String secret) throws ParseException {
        return parser.verify(bearerToken, secret);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, java.security.PrivateKey key) throws ParseException {
        return parser.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, SecretKey key) throws ParseException {
        return parser.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, String secret) throws ParseException {
        return parser.decrypt(bearerToken, secret);
    }

    @Override
    public JsonWebToken parseOnly(String bearerToken) throws ParseException {
        return parser.parseOnly(bearerToken);
    }

    private static ByteBuffer digest(String token) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
