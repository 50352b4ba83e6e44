package org.urbaninvest.reporting.events;

import java.util.List;

/** The topics the projections are built from, and the ones the service publishes. */
public final class Topics {

    public static final String ZONES = "zones.v1";
    public static final String PROGRAMMES = "programmes.v1";
    public static final String PROJECTS = "projects.v1";
    public static final String INVESTORS = "investors.v1";
    public static final String AGREEMENTS = "agreements.v1";
    public static final String PLANS = "plans.v1";
    public static final List<String> CONSUMED = List.of(ZONES, PROGRAMMES, PROJECTS, INVESTORS, AGREEMENTS, PLANS);

    public static final String ZONE_SUMMARIES = "zone-summaries.v1";
    public static final String ZONE_FINDINGS = "zone-findings.v1";

    private Topics() {
    }

    /** The version stream a generation tracks for a topic in {@code consumed_version}. */
    public static String stream(String topic, int generation) {
        return topic + "#" + generation;
    }
}
