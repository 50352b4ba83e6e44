package org.urbaninvest.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTokensTest {

    @TempDir
    Path home;

    @Test
    void tokensEnvHoldsThreeLongLivedTokensSignedByTheHomesKey() throws Exception {
        TokenIssuer issuer = TokenIssuer.inDirectory(home.resolve("keys"), TokenIssuer.DEFAULT_ISSUER);
        Launcher.Tokens tokens = Launcher.writeTokens(home, issuer);

        Path file = home.resolve("tokens.env");
        assertThat(tokens.file()).isEqualTo(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Properties env = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            env.load(reader);
        }
        // verified as the services do: the key the token's kid names in the home's JWK Set
        JsonWebKeySet trusted = new JsonWebKeySet(Files.readString(home.resolve("keys").resolve("jwks.json")));
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(trusted.getJsonWebKeys()))
                .setExpectedIssuer(TokenIssuer.DEFAULT_ISSUER)
                .setRequireExpirationTime()
                .build();
        for (String role : List.of("viewer", "editor", "admin")) {
            String token = env.getProperty(role.toUpperCase() + "_TOKEN");
            JwtClaims claims = consumer.processToClaims(token);
            assertThat(JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue())
                    .isEqualTo(issuer.keyId()).startsWith("issuer-");
            assertThat(claims.getStringListClaimValue("groups")).containsExactly(role);
            Instant expires = Instant.ofEpochSecond(claims.getExpirationTime().getValue());
            assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofDays(29), Duration.ofDays(31));
        }
        assertThat(env.getProperty("VIEWER_TOKEN")).isEqualTo(tokens.viewer());
    }
}
