package org.urbaninvest.reporting.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.urbaninvest.reporting.domain.RebuildStatus;
import org.urbaninvest.reporting.repository.ReportReads;
import org.urbaninvest.reporting.service.RebuildService;

/** Ready when the active projections can be read; tells how fresh they are and how a rebuild stands. */
@Readiness
@ApplicationScoped
public class ProjectionsHealthCheck implements HealthCheck {

    @Inject
    ReportReads reads;

    @Inject
    RebuildService rebuild;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("projections");
        RebuildStatus status = rebuild.status();
        answer.withData("rebuild", status.state());
        try {
            reads.read(view -> {
                answer.withData("generation", view.generation());
                answer.withData("asOf", view.asOf() == null ? "none" : view.asOf().toString());
                return null;
            });
            return answer.up().build();
        } catch (RuntimeException e) {
            return answer.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
