package org.urbaninvest.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The identity of a bearer token held as verified ({@link VerifiedTokens}), built on the thread that asks for it.
 * smallrye-jwt authenticates on a worker thread whenever the key set is read from a URL, as the suite's is (a key
 * refresh may wait on the network), so every request was handed to a worker and back for its identity, however cheap
 * its token had become: a sixth of the CPU of a held zone report's answer (docs/benchmarks.md). A held token needs no
 * key. This provider comes before smallrye-jwt's own and answers only for held tokens, with the identity that
 * smallrye-jwt's builds (the token as principal, its groups as roles, the credential, the same attributes); any other
 * token it leaves to smallrye-jwt's, which verifies it on a worker as before.
 */
@ApplicationScoped
public class HeldTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** The attribute under which smallrye-jwt's provider puts the token, too. */
    static final String USER_ATTRIBUTE = "quarkus.user";

    @Inject
    VerifiedTokens tokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before smallrye-jwt's provider, which has the default priority. */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    /** A held token's identity at once; {@code null} (the next provider's turn) for any other. */
    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        JsonWebToken token = request.getToken() instanceof JsonWebTokenCredential credential
                ? tokens.held(credential.getToken()) : null;
        if (token == null) {
            return Uni.createFrom().nullItem();
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(token)
                .addCredential(request.getToken())
                .addRoles(token.getGroups())
                .addAttribute(USER_ATTRIBUTE, token);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            identity.addAttribute(RoutingContext.class.getName(), routing);
        }
        return Uni.createFrom().item(identity.build());
    }
}
