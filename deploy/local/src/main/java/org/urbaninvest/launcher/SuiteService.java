package org.urbaninvest.launcher;

import java.util.Locale;

/** The three services the suite runs: their module folder, database and default local port. */
public enum SuiteService {
    PROJECT("project-service", "project", 8081),
    INVESTMENT("investment-service", "investment", 8082),
    REPORTING("reporting-service", "reporting", 8083);

    private final String id;
    private final String database;
    private final int defaultPort;

    SuiteService(String id, String database, int defaultPort) {
        this.id = id;
        this.database = database;
        this.defaultPort = defaultPort;
    }

    /** The service's name, which is also its module folder and its log file's name. */
    public String id() {
        return id;
    }

    public String database() {
        return database;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Accepts {@code project-service}, {@code project} or {@code PROJECT}. */
    public static SuiteService of(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (SuiteService service : values()) {
            if (service.id.equals(wanted) || service.database.equals(wanted)) {
                return service;
            }
        }
        throw new IllegalArgumentException("unknown service '" + name + "' (project-service, investment-service, "
                + "reporting-service)");
    }
}
