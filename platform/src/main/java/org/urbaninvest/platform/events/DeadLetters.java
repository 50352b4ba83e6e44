package org.urbaninvest.platform.events;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.urbaninvest.platform.kafka.KafkaClientSettings;

/**
 * Moves a consumed record that cannot be applied to the service's dead-letter topic
 * ({@code urbaninvest.dead-letters.topic}; by default the application's name and {@code .dlq}), with the headers the Kafka
 * connector's {@code dead-letter-queue} strategy writes: {@code dead-letter-exception-class-name},
 * {@code dead-letter-reason}, {@code dead-letter-cause-class-name} and {@code dead-letter-cause} (when there is a
 * cause), {@code dead-letter-topic}, {@code dead-letter-partition}, {@code dead-letter-offset}, then the record's
 * own headers. Every consumer uses it, one record at a time ({@link org.urbaninvest.platform.inbox.EventInbox}) or in
 * batches ({@link org.urbaninvest.platform.inbox.EventBatches}), where that strategy would dead-letter a whole batch,
 * and would dead-letter what fails only because the service is stopping; this sends one record, and returns once the
 * broker has it (so the record's offset is committed only after that).
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    @ConfigProperty(name = "urbaninvest.dead-letters.topic", defaultValue = "${quarkus.application.name}.dlq")
    String topic;

    @Inject
    KafkaClientSettings kafka;

    @Inject
    DeadLetterMetrics metrics;

    private KafkaProducer<String, String> producer;
    private volatile boolean stopping;

    public void send(ConsumerRecord<String, String> record, Throwable reason) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic, record.key(), record.value());
        Headers headers = dead.headers();
        add(headers, "dead-letter-exception-class-name", reason.getClass().getName());
        add(headers, "dead-letter-reason", message(reason));
        if (reason.getCause() != null) {
            add(headers, "dead-letter-cause-class-name", reason.getCause().getClass().getName());
            add(headers, "dead-letter-cause", message(reason.getCause()));
        }
        add(headers, "dead-letter-topic", record.topic());
        add(headers, "dead-letter-partition", Integer.toString(record.partition()));
        add(headers, "dead-letter-offset", Long.toString(record.offset()));
        record.headers().forEach(headers::add);
        LOG.warnf("%s-%d@%d goes to %s: %s", record.topic(), record.partition(), record.offset(), topic,
                message(reason));
        long backoff = 100;
        while (true) {
            try {
                producer().send(dead).get(30, TimeUnit.SECONDS);
                metrics.deadLettered(record.topic());
                return;
            } catch (ExecutionException | TimeoutException e) {
                if (stopping) {
                    throw new IllegalStateException("stopping before the dead letter was sent", e);
                }
                LOG.warnf("dead letter not sent (%s); retrying in %d ms", e.getMessage(), backoff);
                pause(backoff);
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending a dead letter", e);
            }
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> settings = kafka.client();
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            settings.remove("group.id");
            producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (producer != null) {
            producer.close();
        }
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String message(Throwable failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.toString();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }
}
