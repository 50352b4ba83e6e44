package org.urbaninvest.platform.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Consumer lag per group and partition, as Prometheus reads it from every service:
 * {@code urbaninvest_consumer_lag{group="reporting-service",topic="agreements.v1",partition="3"}} is the records
 * on the partition that the group has not committed yet (the end offset minus the committed one; a partition the
 * group has never committed counts from its first record). The groups and topics are the service's own incoming
 * channels ({@code mp.messaging.incoming.<channel>.topic} and {@code .group.id}); every instance measures the
 * same figures, so dashboards take the maximum per label set.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    private static final Pattern CHANNEL_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    private static final long TIMEOUT_SECONDS = 10;

    @Inject
    KafkaClientSettings kafka;

    @Inject
    MeterRegistry metrics;

    @Inject
    Config config;

    private final Map<Key, Long> lag = new ConcurrentHashMap<>();
    private Admin admin;

    private record Key(String group, TopicPartition partition) {
    }

    /** The topics each consumer group of this service reads. */
    Map<String, Set<String>> groups() {
        Map<String, Set<String>> groups = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            Matcher channel = CHANNEL_TOPIC.matcher(name);
            if (channel.matches()) {
                String group = config.getOptionalValue("mp.messaging.incoming." + channel.group(1) + ".group.id",
                        String.class).orElse(config.getValue("quarkus.application.name", String.class));
                groups.computeIfAbsent(group, g -> new TreeSet<>()).add(config.getValue(name, String.class));
            }
        }
        return groups;
    }

    @Scheduled(every = "${urbaninvest.kafka.consumer-lag-interval}", delayed = "5s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            measure();
        } catch (Exception e) {
            LOG.debugf("consumer lag not measured: %s", e.getMessage());
        }
    }

    void measure() throws Exception {
        Map<String, Set<String>> groups = groups();
        if (groups.isEmpty()) {
            return;
        }
        Admin admin = admin();
        Set<String> topics = new TreeSet<>();
        groups.values().forEach(topics::addAll);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        for (TopicDescription topic : admin.describeTopics(topics).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values()) {
            topic.partitions().forEach(p -> {
                latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest());
                earliest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.earliest());
            });
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (Map.Entry<String, Set<String>> group : groups.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            ends.forEach((partition, end) -> {
                if (group.getValue().contains(partition.topic())) {
                    OffsetAndMetadata offset = committed.get(partition);
                    long from = offset != null ? offset.offset() : starts.get(partition).offset();
                    record(new Key(group.getKey(), partition), Math.max(0, end.offset() - from));
                }
            });
        }
    }

    private void record(Key key, long value) {
        if (lag.put(key, value) == null) {
            Gauge.builder("urbaninvest.consumer.lag", lag, all -> all.getOrDefault(key, 0L))
                    .tag("group", key.group()).tag("topic", key.partition().topic())
                    .tag("partition", Integer.toString(key.partition().partition()))
                    .description("Records on the partition the consumer group has not committed yet")
                    .register(metrics);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> settings = kafka.client();
            settings.keySet().retainAll(AdminClientConfig.configNames());
            settings.put(AdminClientConfig.CLIENT_ID_CONFIG, config.getValue("urbaninvest.instance", String.class)
                    + "-consumer-lag");
            admin = Admin.create(settings);
        }
        return admin;
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
