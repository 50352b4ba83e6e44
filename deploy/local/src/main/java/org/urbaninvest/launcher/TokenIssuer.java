package org.urbaninvest.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The RS256 key pair the services trust and the tokens signed with it. The pair is generated once in a
 * directory ({@code privateKey.pem}, {@code publicKey.pem}) and reused afterwards.
 */
public final class TokenIssuer {

    public static final String DEFAULT_ISSUER = "https://urbaninvest.example/auth";

    private final String issuer;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Path privateKeyFile;
    private final Path publicKeyFile;

    private TokenIssuer(String issuer, KeyPair keys, Path privateKeyFile, Path publicKeyFile) {
        this.issuer = issuer;
        this.privateKey = keys.getPrivate();
        this.publicKey = keys.getPublic();
        this.privateKeyFile = privateKeyFile;
        this.publicKeyFile = publicKeyFile;
    }

    /** Loads the key pair from {@code directory}, generating it first if it is not there. */
    public static TokenIssuer inDirectory(Path directory, String issuer) {
        Path privateFile = directory.resolve("privateKey.pem");
        Path publicFile = directory.resolve("publicKey.pem");
        try {
            Files.createDirectories(directory);
            KeyPair keys;
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                keys = new KeyPair(readPublic(publicFile), readPrivate(privateFile));
            } else {
                keys = generate();
                Files.writeString(privateFile, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
                Files.writeString(publicFile, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
            }
            return new TokenIssuer(issuer, keys, privateFile, publicFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the signing keys in " + directory, e);
        }
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token for {@code subject} with the given roles, valid for {@code lifetime}. */
    public String token(String subject, Set<String> groups, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", List.copyOf(groups));
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromMilliseconds(System.currentTimeMillis() + lifetime.toMillis()));
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public Path privateKeyFile() {
        return privateKeyFile;
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    public static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(Path file) throws IOException {
        String text = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(text);
    }

    private static PrivateKey readPrivate(Path file) throws IOException {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(file)));
        } catch (GeneralSecurityException e) {
            throw new IOException("not an RSA private key: " + file, e);
        }
    }

    private static PublicKey readPublic(Path file) throws IOException {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(file)));
        } catch (GeneralSecurityException e) {
            throw new IOException("not an RSA public key: " + file, e);
        }
    }
}
