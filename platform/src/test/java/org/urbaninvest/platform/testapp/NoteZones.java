package org.urbaninvest.platform.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import org.urbaninvest.platform.security.ZoneTree;

/** The test application's notes lie in no zone: the tree every service must provide for the zone scope is empty. */
@ApplicationScoped
public class NoteZones implements ZoneTree {

    @Override
    public Set<String> selfAndAncestors(String zone) {
        return Set.of();
    }

    @Override
    public Set<String> selfAndDescendants(Collection<String> zones) {
        return Set.of();
    }
}
