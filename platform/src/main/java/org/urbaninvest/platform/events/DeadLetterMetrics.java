package org.urbaninvest.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Counts the records a service's consumers sent to its dead-letter topic, per topic they came from:
 * {@code urbaninvest_dead_letters_total{topic="agreements.v1"}}. Any increase needs a look (runbook: reading a
 * dead-letter topic); the alert {@code UrbanInvestDeadLetters} fires on it.
 */
@ApplicationScoped
public class DeadLetterMetrics {

    static final String NAME = "urbaninvest.dead.letters";

    @Inject
    MeterRegistry metrics;

    public void deadLettered(String sourceTopic) {
        Counter.builder(NAME).tag("topic", sourceTopic)
                .description("Records sent to the dead-letter topic, by the topic they came from")
                .register(metrics).increment();
    }
}
