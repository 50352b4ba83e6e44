package org.urbaninvest.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The RS256 keys of a local suite and the tokens signed with them, kept in one directory:
 * <ul>
 * <li>{@code jwks.json}: the JWK Set the services trust (public keys only, each with its {@code kid});</li>
 * <li>{@code issuer.jwk}: the private key tokens for people are signed with now ({@code kid} {@code issuer-…});</li>
 * <li>{@code <service>.jwk}: a service's own private key for its service token ({@code kid} {@code service-…}),
 * which the services accept for the {@code service} role only.</li>
 * </ul>
 * Generated once and reused afterwards. The issuer's key rotates in three steps, without a token refused on the
 * way: {@link #addNextKey()} (trusted, not yet used), {@link #signWithNextKey()}, {@link #removeRetiredKeys()}.
 */
public final class TokenIssuer {

    public static final String DEFAULT_ISSUER = "https://urbaninvest.example/auth";
    /** The {@code kid} of a service's key starts with this; a token signed by one carries the service role only. */
    public static final String SERVICE_KEY_PREFIX = "service-";
    /** The {@code kid} of a key that signs tokens for people starts with this. */
    public static final String ISSUER_KEY_PREFIX = "issuer-";
    /** The services that sign a token of their own. */
    public static final List<String> SIGNING_SERVICES = List.of(SuiteService.INVESTMENT.id());

    private static final String JWKS = "jwks.json";
    private static final String ISSUER_KEY = "issuer.jwk";
    private static final String NEXT_KEY = "issuer-next.jwk";

    private final String issuer;
    private final Path directory;
    private volatile RsaJsonWebKey signingKey;

    private TokenIssuer(String issuer, Path directory, RsaJsonWebKey signingKey) {
        this.issuer = issuer;
        this.directory = directory;
        this.signingKey = signingKey;
    }

    /** Loads the keys from {@code directory}, generating them first if they are not there. */
    public static TokenIssuer inDirectory(Path directory, String issuer) {
        try {
            Files.createDirectories(directory);
            Path issuerKey = directory.resolve(ISSUER_KEY);
            Path jwks = directory.resolve(JWKS);
            if (Files.exists(issuerKey) && Files.exists(jwks)) {
                return new TokenIssuer(issuer, directory, readKey(issuerKey));
            }
            RsaJsonWebKey key = generate(ISSUER_KEY_PREFIX);
            List<JsonWebKey> trusted = new ArrayList<>(List.of(key));
            for (String service : SIGNING_SERVICES) {
                RsaJsonWebKey serviceKey = generate(SERVICE_KEY_PREFIX + service + "-");
                writePrivate(directory.resolve(service + ".jwk"), serviceKey);
                trusted.add(serviceKey);
            }
            writePrivate(issuerKey, key);
            writeTrusted(jwks, trusted);
            // the single PEM pair of earlier versions is replaced by the key set
            Files.deleteIfExists(directory.resolve("privateKey.pem"));
            Files.deleteIfExists(directory.resolve("publicKey.pem"));
            return new TokenIssuer(issuer, directory, key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the signing keys in " + directory, e);
        }
    }

    /** A new RSA key (2048 bits) for RS256, its {@code kid} the prefix and a part of its RFC 7638 thumbprint. */
    public static RsaJsonWebKey generate(String kidPrefix) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kidPrefix + key.calculateBase64urlEncodedThumbprint("SHA-256").substring(0, 16));
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            key.setUse("sig");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    /** A token for {@code subject} with the given roles, valid for {@code lifetime}, signed with the current key. */
    public String token(String subject, Set<String> groups, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", List.copyOf(groups));
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromMilliseconds(System.currentTimeMillis() + lifetime.toMillis()));
        claims.setGeneratedJwtId();
        return sign(claims, signingKey);
    }

    /** {@code claims} signed with {@code key}, the header naming its {@code kid}. */
    public static String sign(JwtClaims claims, RsaJsonWebKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /**
     * Rotation, step 1: a new key joins the trusted set ({@code jwks.json}); tokens are still signed with the current
     * one. Returns the new key's {@code kid}.
     */
    public synchronized String addNextKey() {
        RsaJsonWebKey next = generate(ISSUER_KEY_PREFIX);
        List<JsonWebKey> trusted = new ArrayList<>(trustedKeys());
        trusted.add(next);
        writePrivate(directory.resolve(NEXT_KEY), next);
        writeTrusted(directory.resolve(JWKS), trusted);
        return next.getKeyId();
    }

    /** Rotation, step 2: tokens are signed with the key {@link #addNextKey()} added. Returns its {@code kid}. */
    public synchronized String signWithNextKey() {
        Path next = directory.resolve(NEXT_KEY);
        if (!Files.exists(next)) {
            throw new IllegalStateException("no next key to sign with: add one first");
        }
        RsaJsonWebKey key = readKey(next);
        try {
            Files.move(next, directory.resolve(ISSUER_KEY), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + next + " the signing key", e);
        }
        signingKey = key;
        return key.getKeyId();
    }

    /**
     * Rotation, step 3: every issuer key but the current one leaves the trusted set, so tokens they signed are
     * refused. The services' own keys stay. Returns the {@code kid}s removed.
     */
    public synchronized List<String> removeRetiredKeys() {
        List<JsonWebKey> kept = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (JsonWebKey key : trustedKeys()) {
            if (key.getKeyId().startsWith(ISSUER_KEY_PREFIX) && !key.getKeyId().equals(keyId())) {
                removed.add(key.getKeyId());
            } else {
                kept.add(key);
            }
        }
        writeTrusted(directory.resolve(JWKS), kept);
        return removed;
    }

    /** The {@code kid}s of {@code jwks.json}, as the services read it now. */
    public List<String> trustedKeyIds() {
        return trustedKeys().stream().map(JsonWebKey::getKeyId).toList();
    }

    public String issuer() {
        return issuer;
    }

    /** The {@code kid} of the key tokens are signed with now. */
    public String keyId() {
        return signingKey.getKeyId();
    }

    /** The key tokens are signed with now. */
    public RsaJsonWebKey signingKey() {
        return signingKey;
    }

    public PrivateKey privateKey() {
        return signingKey.getPrivateKey();
    }

    public PublicKey publicKey() {
        return signingKey.getPublicKey();
    }

    /** The JWK Set the services trust. */
    public Path jwksFile() {
        return directory.resolve(JWKS);
    }

    /** The private key (a JWK) {@code service} signs its service token with. */
    public Path serviceKeyFile(String service) {
        if (!SIGNING_SERVICES.contains(service)) {
            throw new IllegalArgumentException(service + " signs no token of its own");
        }
        return directory.resolve(service + ".jwk");
    }

    /** The private key {@code service} signs its service token with. */
    public RsaJsonWebKey serviceKey(String service) {
        return readKey(serviceKeyFile(service));
    }

    /** The private key file tokens are signed with now. */
    public Path privateKeyFile() {
        return directory.resolve(ISSUER_KEY);
    }

    private List<JsonWebKey> trustedKeys() {
        try {
            return new JsonWebKeySet(Files.readString(jwksFile())).getJsonWebKeys();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jwksFile(), e);
        } catch (JoseException e) {
            throw new IllegalStateException("not a JWK Set: " + jwksFile(), e);
        }
    }

    private static RsaJsonWebKey readKey(Path file) {
        try {
            return (RsaJsonWebKey) JsonWebKey.Factory.newJwk(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (JoseException | ClassCastException e) {
            throw new IllegalStateException("not an RSA private JWK: " + file, e);
        }
    }

    private static void writePrivate(Path file, RsaJsonWebKey key) {
        writeAtomically(file, key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE) + "\n", true);
    }

    private static void writeTrusted(Path file, List<JsonWebKey> keys) {
        writeAtomically(file, new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "\n", false);
    }

    /**
     * Writes beside the file and moves it in place, so a reader sees the old or the new content, never half; a
     * {@code secret} file is readable by its owner only.
     */
    static void writeAtomically(Path file, String content, boolean secret) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            if (secret) {
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
