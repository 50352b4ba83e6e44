package org.urbaninvest.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.smallrye.jwt.runtime.auth.MpJwtValidator;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The identity of a bearer token held as verified ({@link VerifiedTokens}), built on the thread that asks for it.
 * smallrye-jwt authenticates on a worker thread whenever the key set is read from a URL, as the suite's is (a key
 * refresh may wait on the network), so every request was handed to a worker and back for its identity, however cheap
 * its token had become: a sixth of the CPU of a held zone report's answer (docs/benchmarks.md). A held token needs no
 * key. This provider comes before smallrye-jwt's own and answers only for held tokens, through smallrye-jwt's own
 * validator over the same parser (the same identity, principal, roles and attributes); any other token it leaves to
 * smallrye-jwt's, which verifies it on a worker as before.
 */
@ApplicationScoped
public class HeldTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final VerifiedTokens tokens;
    /** smallrye-jwt's validator with no key location, so not blocking: it parses on the caller's thread. */
    private final MpJwtValidator onTheCallersThread;

    @Inject
    HeldTokenIdentityProvider(VerifiedTokens tokens) {
        this.tokens = tokens;
        this.onTheCallersThread = new MpJwtValidator(tokens, null, null, null);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before smallrye-jwt's provider, which has the default priority. */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    /**
     * A held token's identity at once; {@code null} (the next provider's turn) for any other. Should the token's entry
     * expire between the two calls, the parse verifies it here, on this thread, with the keys already read.
     */
    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (request.getToken() instanceof JsonWebTokenCredential credential && tokens.holds(credential.getToken())) {
            return onTheCallersThread.authenticate(request, context);
        }
        return Uni.createFrom().nullItem();
    }
}
