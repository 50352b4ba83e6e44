package org.urbaninvest.systemtests.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.urbaninvest.testsupport.KafkaTestClient;

/** The topics as an outside event consumer sees them: a plain Kafka consumer reading from the beginning. */
public final class EventLog {

    public static final List<String> TOPICS = List.of("zones.v1", "programmes.v1", "projects.v1", "plans.v1",
            "investors.v1", "agreements.v1", "zone-summaries.v1", "zone-findings.v1");

    private final String bootstrapServers;

    public EventLog(RunningSuite suite) {
        this.bootstrapServers = suite.kafkaBootstrapServers();
    }

    /** Every record of the topics, from the beginning up to their end as of now, in order per partition. */
    public List<ConsumerRecord<String, String>> readAll(Collection<String> topics) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topics + " to their end within 120 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    public List<ConsumerRecord<String, String>> readAll(String topic) {
        return readAll(List.of(topic));
    }

    /** Writes one raw record (acks=all), as a misbehaving producer could. */
    public void send(String topic, String key, String value, Map<String, String> headers) {
        new KafkaTestClient(bootstrapServers).send(topic, key, value, headers);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        return KafkaTestClient.header(record, name);
    }

    public static List<String> headers(ConsumerRecord<?, ?> record, String name) {
        List<String> values = new ArrayList<>();
        record.headers().headers(name).forEach(h -> values.add(new String(h.value(), StandardCharsets.UTF_8)));
        return values;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    private KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "system-tests-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        // reading must not create a topic (zone-summaries.v1 and zone-findings.v1 are created compacted by their producer)
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
