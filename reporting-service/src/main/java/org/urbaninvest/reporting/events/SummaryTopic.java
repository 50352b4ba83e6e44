package org.urbaninvest.reporting.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;
import org.urbaninvest.reporting.config.ReportingConfig;
import org.urbaninvest.reporting.events.Topics;
import org.urbaninvest.platform.kafka.KafkaClientSettings;

/**
 * Makes sure {@code zone-summaries.v1} exists as a compacted topic before anything is published to it (a
 * topic created implicitly by the first send would not be compacted).
 */
@ApplicationScoped
public class SummaryTopic {

    private static final Logger LOG = Logger.getLogger(SummaryTopic.class);

    @Inject
    KafkaClientSettings kafka;

    @Inject
    ReportingConfig config;

    private volatile boolean ready;

    /** Whether the topic is there (creating it if needed); {@code false} while the broker cannot be reached. */
    public boolean ensure() {
        if (ready || !config.summaries().createTopic()) {
            return true;
        }
        Map<String, Object> settings = kafka.client();
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(settings)) {
            NewTopic topic = new NewTopic(Topics.ZONE_SUMMARIES, Optional.of(config.summaries().partitions()),
                    Optional.empty()).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
            LOG.infof("created compacted topic %s", Topics.ZONE_SUMMARIES);
            ready = true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                ready = true;
            } else {
                LOG.warnf("cannot create %s yet: %s", Topics.ZONE_SUMMARIES, e.getCause().getMessage());
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warnf("cannot create %s yet: %s", Topics.ZONE_SUMMARIES, e.getMessage());
        }
        return ready;
    }
}
