package org.urbaninvest.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.urbaninvest.platform.problem.ProblemException;

/**
 * The caller's zone scope: the optional {@code zones} claim of the token, an array of zone codes. A zone is
 * inside when it is one of them or lies beneath one. Without the claim, and for admins, the caller is unscoped
 * and everything is inside. Writes outside answer 403; reads of an item outside answer 404, as if it did not exist,
 * so that codes do not leak; lists leave out what is outside.
 *
 * <p>Checks resolve the zone's ancestry through the service's {@link ZoneTree} in the caller's transaction, which
 * locks the zones walked: call them in the transaction that writes.
 */
@RequestScoped
public class ZoneScope {

    /** The token claim naming the zones a caller may see and change. */
    public static final String CLAIM = "zones";

    @Inject
    SecurityIdentity identity;

    @Inject
    ZoneTree tree;

    private Optional<Set<String>> codes;

    ZoneScope() {
    }

    /** A scope of the given codes ({@code null}: unscoped) over {@code tree}, for tests. */
    ZoneScope(Set<String> codes, ZoneTree tree) {
        this.codes = Optional.ofNullable(codes);
        this.tree = tree;
    }

    /** The codes of the claim; empty when the caller is unscoped (no claim, or an admin). */
    public Optional<Set<String>> codes() {
        if (codes == null) {
            codes = identity == null || identity.isAnonymous() || identity.hasRole(Roles.ADMIN)
                    || !(identity.getPrincipal() instanceof JsonWebToken jwt) ? Optional.empty() : claimed(jwt);
        }
        return codes;
    }

    public boolean unscoped() {
        return codes().isEmpty();
    }

    /** True when the zone is one of the caller's zones or beneath one (always, when unscoped). */
    public boolean covers(String zone) {
        Optional<Set<String>> scope = codes();
        return scope.isEmpty() || zone != null && !Collections.disjoint(scope.get(), tree.selfAndAncestors(zone));
    }

    /** A write of something in {@code zone}, e.g. {@code "project p1"}: 403 unless the zone is inside. */
    public void requireWritable(String zone, String what) {
        if (!covers(zone)) {
            throw ProblemException.forbidden(what + " lies outside the zones of your token ("
                    + String.join(", ", codes().orElseThrow()) + ")");
        }
    }

    /** A read of an item in {@code zone}: 404 with {@code notFound} (what an unknown item answers) unless inside. */
    public void requireReadable(String zone, String notFound) {
        if (!covers(zone)) {
            throw ProblemException.notFound(notFound);
        }
    }

    /**
     * A report of {@code zone}, which rolls up the zones beneath it: allowed inside; an ancestor of the caller's
     * zones is refused with 403 (its figures include other areas); any other zone answers 404 with
     * {@code notFound}.
     */
    public void requireReport(String zone, String notFound) {
        if (covers(zone)) {
            return;
        }
        for (String code : codes().orElseThrow()) {
            if (tree.selfAndAncestors(code).contains(zone)) {
                throw ProblemException.forbidden("the report of " + zone + " includes zones outside those of your"
                        + " token; ask for the reports of " + String.join(", ", codes().orElseThrow()));
            }
        }
        throw ProblemException.notFound(notFound);
    }

    /** The zones a list may show: empty when unscoped (no filter), else the caller's zones and all beneath them. */
    public Optional<Set<String>> visibleZones() {
        return codes().map(scope -> scope.isEmpty() ? Set.of() : tree.selfAndDescendants(scope));
    }

    /**
     * The claim's codes; a claim that is not an array of strings scopes to nothing rather than to everything.
     */
    static Optional<Set<String>> claimed(JsonWebToken jwt) {
        if (!jwt.containsClaim(CLAIM)) {
            return Optional.empty();
        }
        Object claim = jwt.getClaim(CLAIM);
        Set<String> zones = new TreeSet<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString code) {
                    zones.add(code.getString());
                }
            }
        } else if (claim instanceof Collection<?> values) {
            values.stream().filter(String.class::isInstance).map(String.class::cast).forEach(zones::add);
        }
        return Optional.of(Set.copyOf(zones));
    }
}
