package org.urbaninvest.examples.consumer;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the suite's topics with a plain Kafka consumer whose values the CloudEvents SDK deserializes (binary mode:
 * the attributes from the {@code ce_*} headers, the data from the value).
 */
public final class TopicReader {

    /** One event as read: where it was, its key, the event, and what is wrong with it (nothing, normally). */
    public record Read(String topic, int partition, long offset, String key, CloudEvent event, List<String> problems) {
    }

    private final Properties settings;
    private final EventChecker checker = new EventChecker();

    /**
     * @param settings the Kafka client settings: {@code bootstrap.servers}, and on the cluster its security settings
     *                 (see the README)
     */
    public TopicReader(Properties settings) {
        this.settings = new Properties();
        this.settings.putAll(settings);
        this.settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class.getName());
    }

    /**
     * Everything on the topics from their beginning up to their end as of this call, checked. No consumer group:
     * nothing is committed.
     */
    public List<Read> readToEnd(List<String> topics, Duration timeout) {
        List<Read> reads = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(settings)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, timeout).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reachedEnd(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the topics were not read to their end within " + timeout);
                }
                consumer.poll(Duration.ofMillis(500)).forEach(record -> reads.add(check(record)));
            }
        }
        return reads;
    }

    /** Reads as a member of {@code group} (from the committed offsets, else the beginning) until interrupted. */
    public void follow(String group, List<String> topics, Consumer<Read> handler) {
        Properties member = new Properties();
        member.putAll(settings);
        member.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        member.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(member)) {
            consumer.subscribe(topics);
            while (!Thread.currentThread().isInterrupted()) {
                consumer.poll(Duration.ofSeconds(1)).forEach(record -> handler.accept(check(record)));
                consumer.commitSync();
            }
        }
    }

    private Read check(ConsumerRecord<String, CloudEvent> record) {
        List<String> problems = record.value() == null ? List.of("not a CloudEvent")
                : checker.problems(record.key(), record.value());
        return new Read(record.topic(), record.partition(), record.offset(), record.key(), record.value(), problems);
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }
}
