package org.urbaninvest.reporting.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.urbaninvest.reporting.service.ProjectionService;

/**
 * The six topics the reports are built from (group {@code reporting-service}; see application.properties).
 * Each channel receives what one poll returned, in order, and applies it as a batch; the batch's offsets are
 * committed after this method returns, that is after the projection transaction committed and any record that
 * could not be applied went to {@code reporting-service.dlq}.
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    ProjectionService projections;

    @Incoming("zones")
    @Blocking
    public void zones(ConsumerRecords<String, String> records) {
        projections.consume(records);
    }

    @Incoming("programmes")
    @Blocking
    public void programmes(ConsumerRecords<String, String> records) {
        projections.consume(records);
    }

    @Incoming("projects")
    @Blocking
    public void projects(ConsumerRecords<String, String> records) {
        projections.consume(records);
    }

    @Incoming("investors")
    @Blocking
    public void investors(ConsumerRecords<String, String> records) {
        projections.consume(records);
    }

    @Incoming("agreements")
    @Blocking
    public void agreements(ConsumerRecords<String, String> records) {
        projections.consume(records);
    }

    @Incoming("plans")
    @Blocking
    public void plans(ConsumerRecords<String, String> records) {
        projections.consume(records);
    }
}
