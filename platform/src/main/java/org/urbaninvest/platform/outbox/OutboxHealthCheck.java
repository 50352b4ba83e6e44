package org.urbaninvest.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the outbox lag, and whether this instance is the one relaying (holds the relay lock). A broker outage
 * alone keeps the instance ready, because writes still succeed and are published later; only a dead relay thread
 * makes it not ready.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxConfig config;

    @Override
    public HealthCheckResponse call() {
        OutboxHousekeeping.OutboxStats stats = relay.stats();
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("outbox")
                .withData("pending", stats.pending())
                .withData("oldestPendingAgeSeconds", (long) stats.oldestAgeSeconds())
                .withData("instance", relay.instance())
                .withData("relaying", relay.leaderSince() != null);
        boolean up = !config.relayEnabled() || relay.isRunning();
        return answer.status(up).build();
    }
}
