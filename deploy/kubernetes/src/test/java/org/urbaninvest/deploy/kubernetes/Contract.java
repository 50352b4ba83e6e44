package org.urbaninvest.deploy.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the rest of the project fixes and the manifests must follow (SYSTEM.md sections 2, 3 and 7). What each
 * service reads, writes and calls is not listed here: {@link ServiceConfig} reads it from the services.
 */
final class Contract {

    static final List<String> SERVICES = List.of("project-service", "investment-service", "reporting-service");

    /** The topics that keep the latest value per key (SYSTEM.md sections 7 and 13); the others keep events. */
    static final Set<String> COMPACTED_TOPICS = Set.of("zone-summaries.v1", "zone-findings.v1");

    /** The operators' Kafka user of the runbook, and the prefix of the consumer groups it reads under. */
    static final String OPS_USER = "urbaninvest-ops";
    static final String OPS_GROUP_PREFIX = "urbaninvest-ops-";

    /** Partition counts recommended for the busiest topics. */
    static final Map<String, Integer> PARTITIONS = Map.of("projects.v1", 6, "agreements.v1", 6);
    static final int DEFAULT_PARTITIONS = 3;

    static final int HTTP_PORT = 8080;
    static final String HTTP_PORT_NAME = "http";
    static final String STARTED = "/q/health/started";
    static final String LIVE = "/q/health/live";
    static final String READY = "/q/health/ready";

    /** The app writes only to /tmp; the image runs as this user. */
    static final String WRITABLE_DIR = "/tmp";
    static final long IMAGE_USER = 185;

    /** The outbox relay's flush on shutdown finishes within this many seconds. */
    static final int OUTBOX_FLUSH_SECONDS = 10;

    private Contract() {
    }

    static String database(String service) {
        return service.replace("-service", "-db");
    }

    static String image(String service) {
        return "urbaninvest/" + service;
    }
}
