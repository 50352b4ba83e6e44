package org.urbaninvest.deploy.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service does on Kafka, over REST and with a database, read from the service's own sources: its
 * {@code application.properties} (incoming and outgoing channels, their groups and dead-letter topics, REST
 * clients, paths open without a token) and its code (the topic constants its outbox and producer calls name,
 * the consumer group prefix it generates groups under, the roots of its REST resources).
 * The manifests are checked against this, never against a list copied by hand.
 */
record ServiceConfig(
        String name,
        Set<String> consumes,
        Set<String> produces,
        Set<String> deadLetterTopics,
        Set<String> groups,
        Optional<String> groupPrefix,
        Set<String> calls,
        boolean hasDatabase,
        Set<String> apiRoots,
        Set<String> publicPaths) {

    private static final String INCOMING = "mp.messaging.incoming.";
    private static final String OUTGOING = "mp.messaging.outgoing.";
    private static final String DEAD_LETTERS_TOPIC = "urbaninvest.dead-letters.topic";
    private static final Pattern REST_CLIENT_URL = Pattern.compile("quarkus\\.rest-client\\.\"?([^.\"]+)\"?\\.url");
    private static final Pattern CONSTANT = Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]*)\"\\s*;");
    /** Where the code names a topic itself: the outbox, or a record it sends with its own producer. */
    private static final Pattern PUBLISH = Pattern.compile(
            "(?:outbox\\.publish(?:All)?|new\\s+ProducerRecord<[^>]*>)\\(\\s*(\"[^\"]+\"|[\\w.]+)\\s*,");
    /** A consumer group made of a fixed prefix and a generated suffix (the projection rebuild's). */
    private static final Pattern GROUP_PREFIX = Pattern.compile("GROUP_ID_CONFIG\\s*,\\s*(\"[^\"]+\"|[\\w.]+)\\s*\\+");
    /** A resource class's root under the versioned API, e.g. /api/v1/zones. */
    private static final Pattern API_ROOT = Pattern.compile("@Path\\(\"(/api/v1/[^/\"]+)");
    /** The paths a service serves without a token (reporting-service's dashboard files). */
    private static final String PUBLIC_PATHS = "urbaninvest.http.public-paths";
    private static final Map<String, ServiceConfig> READ = new ConcurrentHashMap<>();

    static ServiceConfig of(String service) {
        return READ.computeIfAbsent(service, ServiceConfig::read);
    }

    static List<ServiceConfig> all() {
        return Contract.SERVICES.stream().map(ServiceConfig::of).toList();
    }

    /** Every topic some service reads or writes. */
    static Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        all().forEach(s -> {
            topics.addAll(s.consumes());
            topics.addAll(s.produces());
        });
        return topics;
    }

    static Set<String> allDeadLetterTopics() {
        Set<String> topics = new TreeSet<>();
        all().forEach(s -> topics.addAll(s.deadLetterTopics()));
        return topics;
    }

    /** The service that writes a topic (each topic has exactly one). */
    static String producer(String topic) {
        List<String> producers = all().stream().filter(s -> s.produces().contains(topic)).map(ServiceConfig::name).toList();
        if (producers.size() != 1) {
            throw new AssertionError(topic + " is written by " + producers + ", expected exactly one service");
        }
        return producers.get(0);
    }

    static Set<String> consumers(String topic) {
        Set<String> consumers = new TreeSet<>();
        all().stream().filter(s -> s.consumes().contains(topic)).forEach(s -> consumers.add(s.name()));
        return consumers;
    }

    /** The service's module folder, beside deploy/. */
    static Path module(String service) {
        return Kustomize.MODULE.resolve("../..").normalize().resolve(service);
    }

    private static ServiceConfig read(String service) {
        Path module = module(service);
        Properties properties = load(module.resolve("src/main/resources/application.properties"));
        String application = properties.getProperty("quarkus.application.name", service);

        Set<String> consumes = new TreeSet<>();
        Set<String> produces = new TreeSet<>();
        Set<String> deadLetters = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        Set<String> calls = new TreeSet<>();
        Set<String> publicPaths = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue; // a dev or test profile: not what runs in a cluster
            }
            if (key.startsWith(INCOMING) && key.endsWith(".topic")) {
                String channel = key.substring(INCOMING.length(), key.length() - ".topic".length());
                String prefix = INCOMING + channel + ".";
                consumes.add(properties.getProperty(key));
                groups.add(properties.getProperty(prefix + "group.id", application));
            }
            if (key.equals(DEAD_LETTERS_TOPIC)) { // where the service sends a record it cannot apply
                deadLetters.add(properties.getProperty(key));
            }
            if (key.startsWith(OUTGOING) && key.endsWith(".topic")) {
                produces.add(properties.getProperty(key));
            }
            if (key.equals(PUBLIC_PATHS)) {
                Arrays.stream(properties.getProperty(key).split(",")).map(String::trim).filter(p -> !p.isEmpty())
                        .forEach(publicPaths::add);
            }
            Matcher restClient = REST_CLIENT_URL.matcher(key);
            if (restClient.matches()) {
                calls.add(restClient.group(1));
            }
        }

        Map<String, String> sources = javaSources(module);
        Map<String, String> constants = constants(sources);
        Optional<String> groupPrefix = Optional.empty();
        Set<String> apiRoots = new TreeSet<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Matcher publish = PUBLISH.matcher(source.getValue());
            while (publish.find()) {
                produces.add(resolve(publish.group(1), source.getKey(), constants, service));
            }
            Matcher root = API_ROOT.matcher(source.getValue());
            while (!source.getValue().contains("@RegisterRestClient") && root.find()) { // a client's paths are the peer's
                apiRoots.add(root.group(1));
            }
            Matcher prefix = GROUP_PREFIX.matcher(source.getValue());
            if (prefix.find()) {
                groupPrefix = Optional.of(resolve(prefix.group(1), source.getKey(), constants, service));
            }
        }
        // Dead letters are written by the service (configured above), to a topic the code may also name (found above).
        produces.addAll(deadLetters);
        produces.stream().filter(topic -> topic.endsWith(".dlq")).forEach(deadLetters::add);

        boolean database = Files.isDirectory(module.resolve("src/main/resources/db/migration"));
        return new ServiceConfig(service, Set.copyOf(consumes), Set.copyOf(produces), Set.copyOf(deadLetters),
                Set.copyOf(groups), groupPrefix, Set.copyOf(calls), database, Set.copyOf(apiRoots), Set.copyOf(publicPaths));
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return properties;
    }

    /** The service's Java sources by class name (the file's name). */
    private static Map<String, String> javaSources(Path module) {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .forEach(f -> sources.put(f.getFileName().toString().replace(".java", ""), readString(f)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sources;
    }

    /** String constants of the service's classes, as "Class.NAME". */
    private static Map<String, String> constants(Map<String, String> sources) {
        Map<String, String> constants = new HashMap<>();
        sources.forEach((type, source) -> {
            Matcher constant = CONSTANT.matcher(source);
            while (constant.find()) {
                constants.put(type + "." + constant.group(1), constant.group(2));
            }
        });
        return constants;
    }

    /** A string literal, or a constant named bare (of the class itself) or as Class.NAME. */
    private static String resolve(String expression, String type, Map<String, String> constants, String service) {
        if (expression.startsWith("\"")) {
            return expression.substring(1, expression.length() - 1);
        }
        String value = constants.getOrDefault(type + "." + expression, constants.get(expression));
        if (value == null) {
            throw new AssertionError(service + " names a Kafka topic or group through '" + expression + "' in " + type
                    + ", which is not a string constant of its code: the manifests cannot be checked against it");
        }
        return value;
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
