package org.urbaninvest.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.urbaninvest.platform.security.ZoneTree;

/**
 * The zone hierarchy of the active projection generation, for the zone scope of the reports. Reports only read,
 * so nothing is locked.
 */
@ApplicationScoped
public class ZoneViewTree implements ZoneTree {

    @Inject
    ReportReads reads;

    @Override
    public Set<String> selfAndAncestors(String zone) {
        return reads.read(view -> new HashSet<>(view.selfAndAncestors(List.of(zone))));
    }

    @Override
    public Set<String> selfAndDescendants(Collection<String> zones) {
        return reads.read(view -> new HashSet<>(view.selfAndDescendants(zones)));
    }
}
