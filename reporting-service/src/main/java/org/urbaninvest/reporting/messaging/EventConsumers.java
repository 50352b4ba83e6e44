package org.urbaninvest.reporting.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.urbaninvest.reporting.service.ProjectionService;

/**
 * The five topics the reports are built from (group {@code reporting-service}, dead letters to
 * {@code reporting-service.dlq}; see application.properties). Each channel applies its records in order.
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    ProjectionService projections;

    @Incoming("zones")
    @Blocking
    public void zone(ConsumerRecord<String, String> record) {
        projections.consume(record);
    }

    @Incoming("programmes")
    @Blocking
    public void programme(ConsumerRecord<String, String> record) {
        projections.consume(record);
    }

    @Incoming("projects")
    @Blocking
    public void project(ConsumerRecord<String, String> record) {
        projections.consume(record);
    }

    @Incoming("investors")
    @Blocking
    public void investor(ConsumerRecord<String, String> record) {
        projections.consume(record);
    }

    @Incoming("agreements")
    @Blocking
    public void agreement(ConsumerRecord<String, String> record) {
        projections.consume(record);
    }
}
