package org.urbaninvest.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * A token signed with a service's own key (its {@code kid} starts with {@value #SERVICE_KEY_PREFIX}) gets the
 * {@link Roles#SERVICE} role if it claims it, and no other role whatever its {@code groups} say: a service's pods hold
 * that key, and a stolen one must not sign an editor's or an admin's token. Runs before {@link RoleHierarchyAugmentor}.
 */
@ApplicationScoped
public class ServiceKeyAugmentor implements SecurityIdentityAugmentor {

    /** The {@code kid} prefix of the services' own keys (the runbook and the launcher name them so). */
    public static final String SERVICE_KEY_PREFIX = "service-";

    /**
     * Each encoded header's answer, decoded and parsed once: the tokens of one key share their header, so a key set
     * has few, and every request of a client would otherwise parse it again.
     */
    private static final Cache<String, Boolean> SERVICE_KEY_HEADERS = Caffeine.newBuilder().maximumSize(1_000).build();

    @Override
    public int priority() {
        return 10; // before the role hierarchy (0), which must not widen what is left
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)
                || !signedWithServiceKey(token)) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes());
        if (identity.hasRole(Roles.SERVICE)) {
            builder.addRole(Roles.SERVICE);
        }
        return Uni.createFrom().item(builder.build());
    }

    static boolean signedWithServiceKey(JsonWebToken token) {
        String raw = token.getRawToken();
        int dot = raw == null ? -1 : raw.indexOf('.');
        return dot >= 0 && SERVICE_KEY_HEADERS.get(raw.substring(0, dot), ServiceKeyAugmentor::namesServiceKey);
    }

    private static boolean namesServiceKey(String encodedHeader) {
        try {
            String header = new String(Base64.getUrlDecoder().decode(encodedHeader), StandardCharsets.UTF_8);
            Map<String, Object> fields = JsonUtil.parseJson(header);
            return fields.get("kid") instanceof String kid && kid.startsWith(SERVICE_KEY_PREFIX);
        } catch (JoseException | IllegalArgumentException e) {
            return false; // the token was verified already: its header is what it is
        }
    }
}
