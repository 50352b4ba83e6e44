package org.urbaninvest.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.urbaninvest.launcher.TokenIssuer;

/**
 * Bearer tokens for the keys of one {@link TokenIssuer}, signed with its current key: the three roles, the service
 * token, and the ways a token can be wrong. {@link Tokens} is this for the test infrastructure's keys; the system
 * tests use it for the launched suite's keys.
 */
public final class TokenSet {

    /** A key nobody trusts, named like the issuer's keys. */
    private static final RsaJsonWebKey OTHER_KEY = TokenIssuer.generate(TokenIssuer.ISSUER_KEY_PREFIX);
    private static final String SERVICE = "investment-service";

    private final TokenIssuer issuer;

    public TokenSet(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    public String viewer() {
        return forRoles("viewer-user", "viewer");
    }

    public String editor() {
        return forRoles("editor-user", "editor");
    }

    public String admin() {
        return forRoles("admin-user", "admin");
    }

    public String forRoles(String subject, String... roles) {
        return issuer.token(subject, Set.of(roles), Duration.ofHours(1));
    }

    /**
     * A token with the given role scoped by the {@code zones} claim to those zones and all beneath them (no
     * codes: scoped to nothing).
     */
    public String scoped(String role, String... zones) {
        JwtClaims claims = claims(issuer.issuer(), role);
        claims.setSubject("scoped-" + role);
        claims.setStringListClaim("zones", List.of(zones));
        return TokenIssuer.sign(claims, issuer.signingKey());
    }

    /** The token investment-service presents to project-service: the service role, signed with its own key. */
    public String service() {
        return TokenIssuer.sign(claims(issuer.issuer(), "service"), issuer.serviceKey(SERVICE));
    }

    /** A token signed with investment-service's own key that claims admin: its key only ever gives the service role. */
    public String serviceKeyClaimingAdmin() {
        return TokenIssuer.sign(claims(issuer.issuer(), "admin"), issuer.serviceKey(SERVICE));
    }

    /** An editor token that expired an hour ago. */
    public String expired() {
        JwtClaims claims = claims(issuer.issuer(), "editor");
        claims.setIssuedAt(NumericDate.fromMilliseconds(System.currentTimeMillis() - 7_200_000));
        claims.setExpirationTime(NumericDate.fromMilliseconds(System.currentTimeMillis() - 3_600_000));
        return TokenIssuer.sign(claims, issuer.signingKey());
    }

    /** A well-formed editor token signed by a key the services do not trust. */
    public String signedByOtherKey() {
        return TokenIssuer.sign(claims(issuer.issuer(), "editor"), OTHER_KEY);
    }

    /** An editor token signed with the trusted key whose header names a key ({@code kid}) the services do not have. */
    public String unknownKid() {
        return withKid(claims(issuer.issuer(), "editor"), issuer.signingKey(), OTHER_KEY.getKeyId());
    }

    /** An editor token signed with the issuer's key whose header names investment-service's key instead. */
    public String otherTrustedKid() {
        return withKid(claims(issuer.issuer(), "editor"), issuer.signingKey(), issuer.serviceKey(SERVICE).getKeyId());
    }

    /** An editor token signed with the trusted key and no {@code kid}: with several keys trusted, none is chosen. */
    public String noKid() {
        return withKid(claims(issuer.issuer(), "editor"), issuer.signingKey(), null);
    }

    /** An editor token from another issuer, signed with the trusted key. */
    public String wrongIssuer() {
        return TokenIssuer.sign(claims("https://elsewhere.example/auth", "editor"), issuer.signingKey());
    }

    /** An unsigned token ({@code alg: none}) claiming to be admin. */
    public String algNone() {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        return header + "." + base64(claims(issuer.issuer(), "admin").toJson()) + ".";
    }

    /** A viewer token whose payload was changed to claim admin, keeping the original signature. */
    public String tampered() {
        String[] parts = viewer().split("\\.");
        return parts[0] + "." + base64(claims(issuer.issuer(), "admin").toJson()) + "." + parts[2];
    }

    private static JwtClaims claims(String issuer, String role) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject("test-" + role);
        claims.setStringListClaim("groups", List.of(role));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        return claims;
    }

    private static String withKid(JwtClaims claims, RsaJsonWebKey key, String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
