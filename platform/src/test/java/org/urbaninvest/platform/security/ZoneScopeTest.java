package org.urbaninvest.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.urbaninvest.platform.problem.ProblemException;

class ZoneScopeTest {

    /** chongqing → beibei → caijia; taiyuan on its own. */
    private static final ZoneTree TREE = new ZoneTree() {
        private final Map<String, String> parents = Map.of("beibei", "chongqing", "caijia", "beibei");
        private final Set<String> known = Set.of("chongqing", "beibei", "caijia", "taiyuan");

        @Override
        public Set<String> selfAndAncestors(String zone) {
            Set<String> chain = new HashSet<>();
            for (String at = known.contains(zone) ? zone : null; at != null; at = parents.get(at)) {
                chain.add(at);
            }
            return chain;
        }

        @Override
        public Set<String> selfAndDescendants(Collection<String> zones) {
            Set<String> below = new HashSet<>();
            known.forEach(zone -> {
                if (!java.util.Collections.disjoint(selfAndAncestors(zone), zones)) {
                    below.add(zone);
                }
            });
            return below;
        }
    };

    private final ZoneScope beibei = new ZoneScope(Set.of("beibei"), TREE);

    @Test
    void zonesAtAndBeneathTheClaimedOnesAreInside() {
        assertTrue(beibei.covers("beibei"));
        assertTrue(beibei.covers("caijia"));
        assertFalse(beibei.covers("chongqing"));
        assertFalse(beibei.covers("taiyuan"));
        assertFalse(beibei.covers("unknown"));
        assertFalse(beibei.covers(null));
    }

    @Test
    void unscopedCoversEverythingAndFiltersNothing() {
        ZoneScope unscoped = new ZoneScope(null, TREE);
        assertTrue(unscoped.unscoped());
        assertTrue(unscoped.covers("taiyuan"));
        assertEquals(Optional.empty(), unscoped.visibleZones());
        unscoped.requireWritable("taiyuan", "zone taiyuan");
        unscoped.requireReport("chongqing", "no zone");
    }

    @Test
    void writesOutsideAre403AndReadsOutside404() {
        beibei.requireWritable("caijia", "zone caijia");
        assertEquals(403, assertThrows(ProblemException.class,
                () -> beibei.requireWritable("taiyuan", "zone taiyuan")).status());
        beibei.requireReadable("caijia", "no zone caijia");
        ProblemException read = assertThrows(ProblemException.class,
                () -> beibei.requireReadable("taiyuan", "no zone taiyuan"));
        assertEquals(404, read.status());
        assertEquals("no zone taiyuan", read.getMessage());
    }

    @Test
    void anAncestorsReportIs403AndAnUnrelatedZones404() {
        beibei.requireReport("caijia", "no zone");
        assertEquals(403, assertThrows(ProblemException.class, () -> beibei.requireReport("chongqing", "no zone"))
                .status());
        assertEquals(404, assertThrows(ProblemException.class, () -> beibei.requireReport("taiyuan", "no zone"))
                .status());
    }

    @Test
    void listsShowTheClaimedSubtreesAndAnEmptyClaimShowsNothing() {
        assertEquals(Optional.of(Set.of("beibei", "caijia")), beibei.visibleZones());
        ZoneScope none = new ZoneScope(Set.of(), TREE);
        assertFalse(none.unscoped());
        assertEquals(Optional.of(Set.of()), none.visibleZones());
        assertFalse(none.covers("caijia"));
    }

    @Test
    void theClaimIsAnArrayOfCodesAndAnythingElseScopesToNothing() {
        assertEquals(Optional.empty(), ZoneScope.claimed(token(Map.of("groups", Set.of("editor")))));
        assertEquals(Optional.of(Set.of("beibei", "taiyuan")), ZoneScope.claimed(token(Map.of("zones",
                Json.createArrayBuilder().add("beibei").add("taiyuan").build()))));
        assertEquals(Optional.of(Set.of()), ZoneScope.claimed(token(Map.of("zones", Json.createValue("beibei")))));
        assertEquals(Optional.of(Set.of()), ZoneScope.claimed(token(Map.of("zones",
                Json.createArrayBuilder().add(7).build()))));
    }

    private static JsonWebToken token(Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "test";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}
