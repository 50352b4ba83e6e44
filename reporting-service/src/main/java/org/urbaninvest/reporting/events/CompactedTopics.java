package org.urbaninvest.reporting.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;
import org.urbaninvest.platform.kafka.KafkaClientSettings;

/**
 * Makes sure a topic the service publishes ({@code zone-summaries.v1}, {@code zone-findings.v1}) exists as a
 * compacted topic before anything is published to it (a topic created implicitly by the first send would not be
 * compacted).
 */
@ApplicationScoped
public class CompactedTopics {

    private static final Logger LOG = Logger.getLogger(CompactedTopics.class);

    @Inject
    KafkaClientSettings kafka;

    private final Set<String> ready = ConcurrentHashMap.newKeySet();

    /**
     * Whether {@code topic} is there, creating it with {@code partitions} if needed when {@code create} (else it is
     * someone else's to create, e.g. Strimzi's); {@code false} while the broker cannot be reached.
     */
    public boolean ensure(String topic, boolean create, int partitions) {
        if (!create || ready.contains(topic)) {
            return true;
        }
        Map<String, Object> settings = kafka.client();
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(settings)) {
            NewTopic compacted = new NewTopic(topic, Optional.of(partitions), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(compacted)).all().get(10, TimeUnit.SECONDS);
            LOG.infof("created compacted topic %s", topic);
            ready.add(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                ready.add(topic);
            } else {
                LOG.warnf("cannot create %s yet: %s", topic, e.getCause().getMessage());
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warnf("cannot create %s yet: %s", topic, e.getMessage());
        }
        return ready.contains(topic);
    }
}
