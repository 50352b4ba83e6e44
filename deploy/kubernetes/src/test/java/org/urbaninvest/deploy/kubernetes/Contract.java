package org.urbaninvest.deploy.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the rest of the project fixes and the manifests must follow (SYSTEM.md sections 2, 3 and 7). */
final class Contract {

    static final List<String> SERVICES = List.of("project-service", "investment-service", "reporting-service");

    /** Topics of SYSTEM.md section 7 and the dead-letter topics, with their producers. */
    static final Map<String, String> PRODUCER = Map.of(
            "zones.v1", "project-service",
            "programmes.v1", "project-service",
            "projects.v1", "project-service",
            "investors.v1", "investment-service",
            "agreements.v1", "investment-service",
            "zone-summaries.v1", "reporting-service",
            "investment-service.dlq", "investment-service",
            "reporting-service.dlq", "reporting-service");

    static final Set<String> EVENT_TOPICS = Set.of("zones.v1", "programmes.v1", "projects.v1", "investors.v1", "agreements.v1");
    static final String COMPACTED_TOPIC = "zone-summaries.v1";
    static final Set<String> DEAD_LETTER_TOPICS = Set.of("investment-service.dlq", "reporting-service.dlq");

    /** Topics each service consumes, and its consumer group. */
    static final Map<String, Set<String>> CONSUMES = Map.of(
            "project-service", Set.of(),
            "investment-service", Set.of("projects.v1"),
            "reporting-service", EVENT_TOPICS);

    static final Map<String, String> GROUP = Map.of(
            "investment-service", "investment-service",
            "reporting-service", "reporting-service");

    /** reporting-service's rebuild reads from the beginning under groups with this prefix. */
    static final String REBUILD_GROUP_PREFIX = "reporting-service-rebuild-";

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
