package org.urbaninvest.examples.consumer;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * {@code java -jar event-consumer.jar <bootstrap servers> <group> [topic…]}: follows the topics as a member of the
 * group and prints one line per event, with what is wrong with it if anything is.
 */
public final class EventConsumer {

    /** The topics a subscriber to everything reads (see docs/asyncapi.yaml). */
    public static final List<String> TOPICS = List.of("zones.v1", "programmes.v1", "projects.v1", "plans.v1",
            "investors.v1", "agreements.v1", "zone-summaries.v1", "zone-findings.v1");

    private EventConsumer() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: <bootstrap servers> <group> [topic…]");
            System.exit(2);
        }
        Properties settings = new Properties();
        settings.put("bootstrap.servers", args[0]);
        List<String> topics = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : TOPICS;
        new TopicReader(settings).follow(args[1], topics, read -> System.out.printf("%s/%d@%d %s %s%s%n",
                read.topic(), read.partition(), read.offset(), read.event() == null ? "-" : read.event().getType(),
                read.key(), read.problems().isEmpty() ? "" : "  PROBLEMS: " + read.problems()));
    }
}
