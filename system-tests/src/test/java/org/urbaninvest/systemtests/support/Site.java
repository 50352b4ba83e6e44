package org.urbaninvest.systemtests.support;

/**
 * A scenario's own corner of the store: a zone with two subzones, a project in each, and an investor; its
 * figures depend on nothing another scenario does.
 */
public record Site(String zone, String east, String west, String eastProject, String westProject,
        String investor) {

    public static Site create(Workload workload, String prefix) {
        String zone = workload.zone(Workload.uniqueCode(prefix), null, "ECONOMIC_ZONE");
        String east = workload.zone(Workload.uniqueCode(prefix + "-east"), zone, "INDUSTRIAL_PARK");
        String west = workload.zone(Workload.uniqueCode(prefix + "-west"), zone, "HIGH_TECH_ZONE");
        String eastProject = workload.project(Workload.uniqueCode(prefix + "-p"), east, null, null, "preparation",
                Money.cny("1000000.00"));
        String westProject = workload.project(Workload.uniqueCode(prefix + "-p"), west, null, null,
                "implementation", Money.usd("250000.50"));
        String investor = workload.investor("Investor of " + zone);
        return new Site(zone, east, west, eastProject, westProject, investor);
    }

    /** Plan {@code n} of an agreement stream, alternating between the two projects. */
    public AgreementStream.Plan plan(int n) {
        return AgreementStream.life(n, n % 2 == 0 ? eastProject : westProject, investor);
    }
}
