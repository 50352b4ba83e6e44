package org.urbaninvest.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo data (SYSTEM.md §10): one file per owning service under {@code demo/} on the classpath. Each entry of
 * {@code zones}, {@code programmes}, {@code projects}, {@code plans} and {@code investors} is the body of the matching
 * {@code POST /api/v1/...}; an agreement also lists the moves that follow its creation.
 */
public final class DemoData {

    static final String PROJECT_FILE = "demo/project-service.json";
    static final String INVESTMENT_FILE = "demo/investment-service.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode projectService;
    private final JsonNode investmentService;

    private DemoData(JsonNode projectService, JsonNode investmentService) {
        this.projectService = projectService;
        this.investmentService = investmentService;
    }

    public static DemoData fromClasspath() {
        return new DemoData(read(PROJECT_FILE), read(INVESTMENT_FILE));
    }

    /** Zones, parents before their children. */
    public List<JsonNode> zones() {
        return list(projectService, "zones");
    }

    public List<JsonNode> programmes() {
        return list(projectService, "programmes");
    }

    public List<JsonNode> projects() {
        return list(projectService, "projects");
    }

    /** Zones' plans, with their indicators. */
    public List<JsonNode> plans() {
        return list(projectService, "plans");
    }

    /** Investors; {@code key} links an investor to its agreements inside the file and is not sent. */
    public List<JsonNode> investors() {
        return list(investmentService, "investors");
    }

    /**
     * Agreements: {@code reference}, {@code projectCode}, {@code investor} (an investor's key),
     * {@code intendedAmount}, {@code intendedOn}, then optionally {@code signedAmount} + {@code signedOn},
     * {@code startedOn}, {@code operationalOn} and {@code disbursements} ({@code amount}, {@code receivedOn}).
     */
    public List<JsonNode> agreements() {
        return list(investmentService, "agreements");
    }

    private static List<JsonNode> list(JsonNode file, String section) {
        List<JsonNode> items = new ArrayList<>();
        file.path(section).forEach(items::add);
        return items;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
