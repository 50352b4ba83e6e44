package org.urbaninvest.testsupport;

import org.urbaninvest.launcher.TokenIssuer;

/**
 * Bearer tokens for tests, signed with {@link TestInfrastructure}'s key: the three roles, and the ways a token can
 * be wrong. {@link #of(TokenIssuer)} gives the same tokens for any other key pair.
 */
public final class Tokens {

    private Tokens() {
    }

    /** The same tokens for the key pair of {@code issuer} (e.g. a suite started by the launcher). */
    public static TokenSet of(TokenIssuer issuer) {
        return new TokenSet(issuer);
    }

    public static String viewer() {
        return infrastructure().viewer();
    }

    public static String editor() {
        return infrastructure().editor();
    }

    public static String admin() {
        return infrastructure().admin();
    }

    public static String forRoles(String subject, String... roles) {
        return infrastructure().forRoles(subject, roles);
    }

    /** A token with the given role, scoped by the {@code zones} claim to those zones and all beneath them. */
    public static String scoped(String role, String... zones) {
        return infrastructure().scoped(role, zones);
    }

    /** investment-service's token for project-service: the service role, signed with its own key. */
    public static String service() {
        return infrastructure().service();
    }

    /** Signed with investment-service's own key but claiming admin: that key only ever gives the service role. */
    public static String serviceKeyClaimingAdmin() {
        return infrastructure().serviceKeyClaimingAdmin();
    }

    /** An editor token signed with the trusted key, its header naming a key the services do not have. */
    public static String unknownKid() {
        return infrastructure().unknownKid();
    }

    /** An editor token signed with the issuer's key, its header naming investment-service's key. */
    public static String otherTrustedKid() {
        return infrastructure().otherTrustedKid();
    }

    /** An editor token signed with the trusted key without a {@code kid}. */
    public static String noKid() {
        return infrastructure().noKid();
    }

    /** An editor token that expired an hour ago. */
    public static String expired() {
        return infrastructure().expired();
    }

    /** A well-formed editor token signed by a key the services do not trust. */
    public static String signedByOtherKey() {
        return infrastructure().signedByOtherKey();
    }

    /** An editor token from another issuer, signed with the trusted key. */
    public static String wrongIssuer() {
        return infrastructure().wrongIssuer();
    }

    /** An unsigned token ({@code alg: none}) claiming to be admin. */
    public static String algNone() {
        return infrastructure().algNone();
    }

    /** A viewer token whose payload was changed to claim admin, keeping the original signature. */
    public static String tampered() {
        return infrastructure().tampered();
    }

    private static TokenSet infrastructure() {
        return new TokenSet(TestInfrastructure.get().tokens());
    }
}
