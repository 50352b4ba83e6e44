package org.urbaninvest.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.Tokens;

/**
 * A token verified once is not verified again while its entry lives (its {@code exp}, at most the configured
 * max-age); a refused token is never kept, so it is refused each time. A held token's identity is built on the event
 * loop that asks for it ({@link HeldTokenIdentityProvider}); a new one is verified on a worker, as smallrye-jwt does
 * when the key set is read from a URL (this application sets {@code quarkus.smallrye-jwt.blocking-authentication}).
 */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    VerifiedTokens tokens;

    @Inject
    IdentityProviderManager identities;

    @Inject
    Vertx vertx;

    @Test
    void aRequestsTokenIsKeptAsVerified() {
        String token = newViewer();
        assertThat(tokens.holds(token)).isFalse();
        given().auth().oauth2(token).get("/api/v1/notes").then().statusCode(200);
        assertThat(tokens.holds(token)).as("kept after the request verified it").isTrue();
    }

    @Test
    void theSameTokenIsServedFromTheCacheUntilMaxAgeThenVerifiedAgain() throws ParseException {
        String token = newViewer();
        JsonWebToken first = tokens.parse(token);
        assertThat(tokens.parse(token)).as("not verified again").isSameAs(first);
        assertThat(tokens.parse(newViewer())).as("another token is verified on its own").isNotSameAs(first);
        await("the entry outlives no max-age").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> !tokens.holds(token));
        JsonWebToken again = tokens.parse(token);
        assertThat(again).as("verified afresh").isNotSameAs(first);
        assertThat(again.getSubject()).isEqualTo(first.getSubject());
    }

    @Test
    void aRefusedTokenIsNeverKept() {
        for (String token : List.of(Tokens.tampered(), Tokens.expired(), Tokens.unknownKid(), Tokens.signedByOtherKey(),
                Tokens.algNone())) {
            assertThatThrownBy(() -> tokens.parse(token)).isInstanceOf(ParseException.class);
            assertThat(tokens.holds(token)).as("refused tokens are not kept").isFalse();
            assertThatThrownBy(() -> tokens.parse(token)).as("refused again").isInstanceOf(ParseException.class);
            given().auth().oauth2(token).get("/api/v1/notes").then().statusCode(401);
        }
    }

    @Test
    void aHeldTokensIdentityIsBuiltOnTheEventLoopAndANewTokensOnAWorker() throws Exception {
        String token = newViewer();
        Asked verified = identityOnTheEventLoop(token);
        assertThat(verified.atOnce()).as("a new token: verified on a worker").isFalse();
        assertThat(tokens.holds(token)).isTrue();
        Asked held = identityOnTheEventLoop(token);
        assertThat(held.atOnce()).as("a held token: no hand-over to a worker").isTrue();
        assertThat(identityOnTheEventLoop(newViewer()).atOnce()).as("another new token").isFalse();

        SecurityIdentity worker = verified.identity();
        SecurityIdentity loop = held.identity();
        assertThat(loop.getPrincipal()).as("the token as verified").isSameAs(worker.getPrincipal());
        assertThat(loop.getRoles()).as("roles").isEqualTo(worker.getRoles()).contains(Roles.VIEWER);
        assertThat(loop.getAttributes()).as("attributes").isEqualTo(worker.getAttributes());
        assertThat(loop.getCredentials()).as("credentials: the request's token")
                .extracting(c -> c.getClass(), c -> ((TokenCredential) c).getToken())
                .containsExactly(tuple(JsonWebTokenCredential.class, token));
        assertThat(worker.getCredentials()).extracting(c -> c.getClass(), c -> ((TokenCredential) c).getToken())
                .containsExactly(tuple(JsonWebTokenCredential.class, token));
    }

    /**
     * A viewer's token no other test has used: two tokens minted with the same claims in the same second are the same
     * string (the signature is deterministic), so a test that needs a new token names a subject of its own.
     */
    private static String newViewer() {
        return Tokens.forRoles("viewer-" + UUID.randomUUID(), Roles.VIEWER);
    }

    /** What asking for a token's identity on an event loop gave, and whether it was there before the asking returned. */
    private record Asked(SecurityIdentity identity, boolean atOnce) {
    }

    private Asked identityOnTheEventLoop(String token) throws Exception {
        CompletableFuture<SecurityIdentity> identity = new CompletableFuture<>();
        CompletableFuture<Boolean> atOnce = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(ignored -> {
            identities.authenticate(new TokenAuthenticationRequest(new JsonWebTokenCredential(token)))
                    .subscribe().with(identity::complete, identity::completeExceptionally);
            atOnce.complete(identity.isDone());
        });
        return new Asked(identity.get(10, TimeUnit.SECONDS), atOnce.get(10, TimeUnit.SECONDS));
    }
}
