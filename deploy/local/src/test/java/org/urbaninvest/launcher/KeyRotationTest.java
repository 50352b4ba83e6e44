package org.urbaninvest.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local keys: a JWK Set served over HTTP, and a rotation in three steps that the served set follows. */
class KeyRotationTest {

    @TempDir
    Path home;

    @Test
    void aNewHomeTrustsTheIssuersKeyAndInvestmentServicesOwnKey() throws Exception {
        TokenIssuer issuer = TokenIssuer.inDirectory(home, TokenIssuer.DEFAULT_ISSUER);
        assertThat(issuer.trustedKeyIds()).hasSize(2).contains(issuer.keyId())
                .anySatisfy(kid -> assertThat(kid).startsWith("service-investment-service-"));
        assertThat(issuer.serviceKey("investment-service").getKeyId()).startsWith("service-");
        assertThat(issuer.serviceKey("investment-service").getPrivateKey()).isNotNull();
        assertThat(Files.readString(issuer.jwksFile())).doesNotContain("\"d\"").doesNotContain("\"p\""); // public only
        assertThat(TokenIssuer.inDirectory(home, TokenIssuer.DEFAULT_ISSUER).keyId()).isEqualTo(issuer.keyId());
    }

    @Test
    void theServedSetFollowsEachStepOfARotation() throws Exception {
        TokenIssuer issuer = TokenIssuer.inDirectory(home, TokenIssuer.DEFAULT_ISSUER);
        try (KeySetServer server = KeySetServer.start(issuer.jwksFile())) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.url())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Cache-Control")).hasValue("max-age=1");
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/jwk-set+json");

            String serviceKey = issuer.serviceKey("investment-service").getKeyId();
            String first = issuer.keyId();
            String before = issuer.token("before", Set.of("viewer"), Duration.ofMinutes(5));
            List<String> steps = new ArrayList<>();
            KeyRotation.Result result = KeyRotation.rotate(issuer, Duration.ZERO, () -> {
                steps.add("switched");
                assertThat(served(server)).containsExactlyInAnyOrder(first, issuer.keyId(), serviceKey);
            }, steps::add);
            String after = issuer.token("after", Set.of("viewer"), Duration.ofMinutes(5));

            assertThat(result.previousKey()).isEqualTo(first);
            assertThat(result.currentKey()).isEqualTo(issuer.keyId()).isNotEqualTo(first).startsWith("issuer-");
            assertThat(result.removed()).containsExactly(first);
            assertThat(steps).hasSize(4).element(1).isEqualTo("switched");
            assertThat(served(server)).containsExactlyInAnyOrder(result.currentKey(), serviceKey);
            JwtConsumer consumer = consumer(server);
            assertThat(consumer.processToClaims(after).getSubject()).isEqualTo("after");
            assertThatThrownBy(() -> consumer.processToClaims(before)).isInstanceOf(InvalidJwtException.class);
            // the next start keeps signing with the new key
            assertThat(TokenIssuer.inDirectory(home, TokenIssuer.DEFAULT_ISSUER).keyId()).isEqualTo(result.currentKey());
        }
    }

    @Test
    void signingWithANextKeyNeedsOneAddedFirst() {
        TokenIssuer issuer = TokenIssuer.inDirectory(home, TokenIssuer.DEFAULT_ISSUER);
        assertThatThrownBy(issuer::signWithNextKey).isInstanceOf(IllegalStateException.class);
    }

    private static List<String> served(KeySetServer server) {
        try {
            return new HttpsJwks(server.url()).getJsonWebKeys().stream().map(JsonWebKey::getKeyId).toList();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + server.url(), e);
        }
    }

    private static JwtConsumer consumer(KeySetServer server) {
        return new JwtConsumerBuilder().setExpectedIssuer(TokenIssuer.DEFAULT_ISSUER)
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(server.url())))
                .build();
    }
}
