package org.urbaninvest.investment.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.urbaninvest.investment.domain.ProjectRef;

/**
 * Asks project-service for a project the replica has not seen yet. A 404 is an answer (no such project);
 * anything else that goes wrong is a failure, retried briefly and counted by the circuit breaker.
 */
@ApplicationScoped
public class ProjectLookup {

    /** How long the circuit stays open after project-service failed, and what clients are told to wait. */
    public static final int OPEN_SECONDS = 10;

    @Inject
    @RestClient
    ProjectServiceClient client;

    @Inject
    ServiceToken token;

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = OPEN_SECONDS,
            delayUnit = ChronoUnit.SECONDS)
    public Optional<ProjectRef> find(String code) {
        try {
            ProjectServiceClient.RemoteProject project = client.get(code, "Bearer " + token.get());
            if (project == null || project.zoneCode() == null || project.status() == null || project.version() < 1) {
                throw new IllegalStateException("project-service answered an incomplete project for " + code);
            }
            return Optional.of(new ProjectRef(code, project.zoneCode(), project.status(), project.version()));
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
