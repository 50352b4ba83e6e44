package org.urbaninvest.launcher;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What {@code ./run.sh} was asked: the flags, then the environment ({@code URBANINVEST_HOME},
 * {@code URBANINVEST_PORT_OFFSET}), then the defaults.
 */
public record LauncherOptions(Path home, Ports ports, boolean reset, boolean demo, Set<SuiteService> services,
        Map<SuiteService, Integer> replicas, String otlp, boolean rotateKeys, boolean help) {

    /** The most instances of one service {@code --replicas} accepts. */
    public static final int MAX_REPLICAS = 4;

    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: ./run.sh [options]",
            "",
            "Runs UrbanInvest locally: PostgreSQL, a Kafka broker and the three services, with demo data, until Ctrl-C.",
            "",
            "Options:",
            "  --reset                 wipe the state ($URBANINVEST_HOME) first: databases, Kafka logs, keys, logs",
            "  --no-demo               do not load the demo data into an empty store",
            "  --home DIR              where the state lives (default: $URBANINVEST_HOME, else .local in the repository)",
            "  --port-offset N         add N to every port, e.g. to run a second suite (default: $URBANINVEST_PORT_OFFSET or 0)",
            "  --postgres-port P       PostgreSQL (default 15432)",
            "  --kafka-port P          Kafka (default 19092)",
            "  --kafka-controller-port P  the broker's KRaft controller listener (default 19093)",
            "  --project-port P        project-service (default 8081)",
            "  --investment-port P     investment-service (default 8082)",
            "  --reporting-port P      reporting-service (default 8083)",
            "  --services A,B          run only these services (default: all three), e.g. to run one with quarkus:dev",
            "  --replicas N            run N instances (1-4, default 1) of every service; instance k listens on the",
            "                          service's port + 100*k and logs to logs/<service>-<k>.log",
            "  --replicas S=N          N instances of service S only (repeatable), e.g. --replicas reporting-service=2",
            "  --otlp URL              send the services' traces to this OTLP collector, e.g. http://localhost:4317",
            "                          (gRPC; with QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf an OTLP/HTTP",
            "                          endpoint such as http://localhost:4318); default: tracing off",
            "  --rotate-keys           rotate the key tokens are signed with, while the suite runs (in the same home):",
            "                          the new key is trusted, then signs (tokens.env is written again), then the old",
            "                          key is removed and its tokens are refused; takes about 6 s, then exits",
            "  -h, --help              this text",
            "",
            "Environment: URBANINVEST_HOME, URBANINVEST_PORT_OFFSET; URBANINVEST_SERVICE_JAVA_OPTS replaces the services'",
            "JVM options (default -Xms64m -Xmx512m -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError);",
            "the services run on the newest JDK 25+ in $JAVA_HOME or /usr/lib/jvm with an AOT cache, recorded after each",
            "build in a training run per service before they start (without such a JDK, or when recording fails: on this",
            "Java with the AppCDS archive; one line per service says which); URBANINVEST_SERVICE_JAVA_HOME=DIR runs them",
            "on that JDK instead, =default (or empty) on this Java; URBANINVEST_POSTGRES_SETTINGS adds PostgreSQL",
            "parameters (key=value, separated by spaces, e.g. shared_preload_libraries=pg_stat_statements);",
            "URBANINVEST_SKIP_BUILD=true skips the build check of ./run.sh.");

    /**
     * @param repository the repository root (the default home is {@code .local} in it)
     */
    public static LauncherOptions parse(String[] args, Map<String, String> environment, Path repository) {
        Path home = environment.containsKey("URBANINVEST_HOME") && !environment.get("URBANINVEST_HOME").isBlank()
                ? Path.of(environment.get("URBANINVEST_HOME"))
                : repository.resolve(".local");
        int offset = number("URBANINVEST_PORT_OFFSET", environment.getOrDefault("URBANINVEST_PORT_OFFSET", "0"));
        Integer postgres = null;
        Integer kafka = null;
        Integer controller = null;
        Integer project = null;
        Integer investment = null;
        Integer reporting = null;
        boolean reset = false;
        boolean demo = true;
        boolean help = false;
        boolean rotateKeys = false;
        String otlp = null;
        Set<SuiteService> services = EnumSet.allOf(SuiteService.class);
        Map<SuiteService, Integer> replicas = new EnumMap<>(SuiteService.class);
        for (SuiteService service : SuiteService.values()) {
            replicas.put(service, 1);
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inline = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                inline = arg.substring(equals + 1);
            }
            switch (name) {
                case "--reset" -> reset = true;
                case "--no-demo" -> demo = false;
                case "--rotate-keys" -> rotateKeys = true;
                case "-h", "--help" -> help = true;
                default -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(unknownOrMissing(name));
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--home" -> home = Path.of(value);
                        case "--port-offset" -> offset = number(name, value);
                        case "--postgres-port" -> postgres = number(name, value);
                        case "--kafka-port" -> kafka = number(name, value);
                        case "--kafka-controller-port" -> controller = number(name, value);
                        case "--project-port" -> project = number(name, value);
                        case "--investment-port" -> investment = number(name, value);
                        case "--reporting-port" -> reporting = number(name, value);
                        case "--services" -> services = services(value);
                        case "--replicas" -> replicas(value, replicas);
                        case "--otlp" -> otlp = otlp(value);
                        default -> throw new IllegalArgumentException(unknownOrMissing(name));
                    }
                }
            }
        }
        Ports shifted = Ports.DEFAULTS.plus(offset);
        Ports ports = new Ports(
                postgres != null ? postgres : shifted.postgres(),
                kafka != null ? kafka : shifted.kafka(),
                controller != null ? controller : shifted.kafkaController(),
                project != null ? project : shifted.project(),
                investment != null ? investment : shifted.investment(),
                reporting != null ? reporting : shifted.reporting());
        return new LauncherOptions(home.toAbsolutePath().normalize(), ports, reset, demo, services,
                Map.copyOf(replicas), otlp, rotateKeys, help);
    }

    /** An OTLP collector's URL: http or https with a host. */
    private static String otlp(String value) {
        String url = value.trim();
        try {
            URI uri = new URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new IllegalArgumentException("--otlp needs the collector's http(s) URL, e.g. http://localhost:4317, not '"
                + value + "'");
    }

    /** {@code N} for every service, or {@code service=N} for one. */
    private static void replicas(String value, Map<SuiteService, Integer> replicas) {
        int equals = value.indexOf('=');
        if (equals < 0) {
            int count = replicaCount(value, value);
            replicas.replaceAll((service, previous) -> count);
        } else {
            replicas.put(SuiteService.of(value.substring(0, equals)),
                    replicaCount(value.substring(equals + 1), value));
        }
    }

    /** {@code value} as a number of instances; {@code given} is the whole option value, for the message. */
    private static int replicaCount(String value, String given) {
        String trimmed = value.trim();
        int count = trimmed.matches("\\d{1,2}") ? Integer.parseInt(trimmed) : 0;
        if (count < 1 || count > MAX_REPLICAS) {
            throw new IllegalArgumentException("--replicas needs a whole number from 1 to " + MAX_REPLICAS
                    + " (or service=N), not '" + given + "'");
        }
        return count;
    }

    private static Set<SuiteService> services(String list) {
        Set<SuiteService> services = EnumSet.noneOf(SuiteService.class);
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                services.add(SuiteService.of(name));
            }
        }
        return services;
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, not '" + value + "'");
        }
    }

    private static String unknownOrMissing(String name) {
        return name.startsWith("--") && USAGE.contains(name + " ")
                ? name + " needs a value"
                : "unknown option " + name + " (see --help)";
    }
}
