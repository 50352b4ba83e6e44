package org.urbaninvest.investment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.urbaninvest.platform.problem.ProblemException;
import org.urbaninvest.platform.security.Roles;

/**
 * Stands in for project-service's {@code GET /api/v1/projects/{code}} inside the test application, which the
 * test profile's REST client points at. It checks the caller's token like project-service does.
 */
@Path("/api/v1/projects")
public class ProjectServiceStub {

    private static final Map<String, Map<String, Object>> PROJECTS = new ConcurrentHashMap<>();
    /** code → subjects of the tokens that asked for it. */
    private static final Map<String, List<String>> CALLERS = new ConcurrentHashMap<>();

    @Inject
    JsonWebToken token;

    static void put(String code, String zoneCode, String status, long version) {
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("code", code);
        project.put("name", "Project " + code);
        project.put("zoneCode", zoneCode);
        project.put("programmeCode", null);
        project.put("categoryCode", null);
        project.put("status", status);
        project.put("type", "construction");
        project.put("sector", "transport.road");
        project.put("estimatedInvestment", Map.of("amount", "1000000.00", "currency", "CNY"));
        project.put("milestones", List.of());
        project.put("version", version);
        project.put("createdAt", "2022-01-01T00:00:00Z");
        project.put("updatedAt", "2022-01-01T00:00:00Z");
        PROJECTS.put(code, project);
    }

    static List<String> callers(String code) {
        return CALLERS.getOrDefault(code, List.of());
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SERVICE)
    @Operation(hidden = true) // another service's endpoint, not part of this service's API
    public Map<String, Object> get(@PathParam("code") String code) {
        CALLERS.computeIfAbsent(code, c -> new CopyOnWriteArrayList<>()).add(token.getSubject());
        Map<String, Object> project = PROJECTS.get(code);
        if (project == null) {
            throw ProblemException.notFound("no project " + code);
        }
        return project;
    }
}
