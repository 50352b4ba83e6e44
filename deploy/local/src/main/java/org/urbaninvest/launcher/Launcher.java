package org.urbaninvest.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run.sh}: starts the {@link LocalSuite}, loads the demo data into an empty store, writes
 * {@code tokens.env}, prints where everything is, and stays in the foreground until Ctrl-C or SIGTERM, which
 * stop everything (a JVM shutdown hook).
 */
public final class Launcher {

    static final Duration TOKEN_LIFETIME = Duration.ofDays(30);
    private static final String DEMO_STATE = "demo-data.state";

    private final LauncherOptions options;
    private final Path repository;

    Launcher(LauncherOptions options, Path repository) {
        this.options = options;
        this.repository = repository;
    }

    public static void main(String[] args) {
        Path repository = Path.of(System.getProperty("urbaninvest.repository", ".")).toAbsolutePath().normalize();
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args, System.getenv(), repository);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LauncherOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LauncherOptions.USAGE);
            return;
        }
        Launcher launcher = new Launcher(options, repository);
        System.exit(options.rotateKeys() ? launcher.rotateKeys() : launcher.run());
    }

    /**
     * {@code ./run.sh --rotate-keys}: rotates the home's signing key ({@link KeyRotation}) and writes
     * {@code tokens.env} again with the new key. The running suite's services read the key set the launcher serves
     * from {@code keys/jwks.json}, so they follow without a restart.
     */
    int rotateKeys() {
        Path home = options.home();
        if (!Files.exists(home.resolve("keys").resolve("jwks.json"))) {
            System.err.println("no keys in " + home.resolve("keys") + ": start the suite with ./run.sh first");
            return 1;
        }
        TokenIssuer issuer = TokenIssuer.inDirectory(home.resolve("keys"), TokenIssuer.DEFAULT_ISSUER);
        try (LauncherLog log = new LauncherLog(System.out, home.resolve("logs").resolve("launcher.log"))) {
            KeyRotation.Result result = KeyRotation.rotate(issuer, KeySetServer.PROPAGATION,
                    () -> writeTokens(home, issuer), log);
            log.accept("keys: rotated from " + result.previousKey() + " to " + result.currentKey() + "; "
                    + home.resolve("tokens.env") + " holds tokens signed with the new key (source it again)");
        }
        return 0;
    }

    int run() {
        Path home = options.home();
        LauncherLog log = new LauncherLog(System.out, home.resolve("logs").resolve("launcher.log"));
        LocalSuite.Builder builder = LocalSuite.builder()
                .home(home)
                .repository(repository)
                .ports(options.ports())
                .services(options.services())
                .replicas(options.replicas())
                .serviceJvmOptions(serviceJvmOptions())
                .serviceJava(ServiceJava.fromEnvironment())
                .reset(options.reset())
                .otlp(options.otlp())
                .log(log);
        postgresSettings().forEach(builder::postgresSetting);
        LocalSuite suite = builder.build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (suite.isRunning()) {
                log.accept("stopping: services, then Kafka, then PostgreSQL");
                suite.stop();
                log.accept("stopped");
            }
            log.close();
        }, "urbaninvest-stop"));

        log.accept("starting UrbanInvest (state in " + home + ", logs in " + home.resolve("logs") + ")");
        try {
            suite.start();
        } catch (RuntimeException e) {
            log.accept("could not start: " + e.getMessage());
            return 1;
        }
        TokenIssuer issuer = suite.tokens();
        loadDemoData(suite, issuer, log);
        Tokens tokens = writeTokens(home, issuer);
        log.print(banner(suite, tokens));
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private void loadDemoData(LocalSuite suite, TokenIssuer issuer, LauncherLog log) {
        Path state = options.home().resolve(DEMO_STATE);
        if (!options.demo()) {
            log.accept("demo data: skipped (--no-demo)");
            return;
        }
        if (!suite.services().containsAll(Set.of(SuiteService.PROJECT, SuiteService.INVESTMENT))) {
            log.accept("demo data: skipped (it needs project-service and investment-service)");
            return;
        }
        try {
            String previous = Files.exists(state) ? Files.readString(state).trim() : "";
            if (previous.equals("loaded")) {
                log.accept("demo data: loaded already");
                return;
            }
            String loaderToken = issuer.token("demo-loader", Set.of("editor"), Duration.ofHours(1));
            DemoLoader loader = new DemoLoader(suite.service(SuiteService.PROJECT).url(),
                    suite.service(SuiteService.INVESTMENT).url(), loaderToken, log);
            if (!previous.equals("loading") && !loader.storeIsEmpty()) {
                log.accept("demo data: not loaded, the store holds data already");
                return;
            }
            log.accept("demo data: loading through the REST APIs" + (previous.isEmpty() ? "" : " (resuming)"));
            Files.writeString(state, "loading\n");
            loader.load(DemoData.fromClasspath());
            Files.writeString(state, "loaded\n");
        } catch (IOException | RuntimeException e) {
            log.accept("demo data: NOT fully loaded: " + e.getMessage()
                    + " (the next start carries on; see the services' logs)");
        }
    }

    /** The three long-lived tokens of tokens.env. */
    record Tokens(Path file, String viewer, String editor, String admin, Instant expires) {
    }

    static Tokens writeTokens(Path home, TokenIssuer issuer) {
        Instant expires = Instant.now().plus(TOKEN_LIFETIME).truncatedTo(ChronoUnit.SECONDS);
        String viewer = issuer.token("local-viewer", Set.of("viewer"), TOKEN_LIFETIME);
        String editor = issuer.token("local-editor", Set.of("editor"), TOKEN_LIFETIME);
        String admin = issuer.token("local-admin", Set.of("admin"), TOKEN_LIFETIME);
        Path file = home.resolve("tokens.env");
        String text = String.join("\n",
                "# UrbanInvest local bearer tokens (issuer " + issuer.issuer() + "), valid until " + expires + ".",
                "# Signed by key " + issuer.keyId() + " (" + issuer.privateKeyFile() + "); ./run.sh writes fresh ones on"
                        + " every start and on --rotate-keys.",
                "# Use: source " + file + " && curl -H \"Authorization: Bearer $VIEWER_TOKEN\" ...",
                "VIEWER_TOKEN=" + viewer,
                "EDITOR_TOKEN=" + editor,
                "ADMIN_TOKEN=" + admin,
                "");
        TokenIssuer.writeAtomically(file, text, true);
        return new Tokens(file, viewer, editor, admin, expires);
    }

    static String banner(LocalSuite suite, Tokens tokens) {
        Ports ports = suite.ports();
        Path home = suite.home();
        StringBuilder text = new StringBuilder();
        text.append("\nUrbanInvest is running.\n\n");
        for (SuiteService service : suite.services()) {
            for (ServiceProcess instance : suite.instances(service)) {
                String url = instance.url();
                String name = suite.replicas(service) == 1 ? service.id() : instance.name();
                text.append(String.format("  %-19s %s/api/v1   Swagger UI %s/q/swagger-ui   health %s/q/health%n",
                        name, url, url, url));
            }
        }
        if (suite.services().contains(SuiteService.REPORTING)) {
            text.append(String.format("%n  Dashboard           %s/#token=%s%n",
                    suite.service(SuiteService.REPORTING).url(), tokens.viewer()));
        }
        text.append(String.format("%n  PostgreSQL          jdbc:postgresql://127.0.0.1:%d/{project,investment,reporting}"
                + "  (user postgres, password postgres)%n", ports.postgres()));
        text.append(String.format("  Kafka               127.0.0.1:%d%n", ports.kafka()));
        text.append(String.format("  Tokens              %s  (VIEWER_TOKEN, EDITOR_TOKEN, ADMIN_TOKEN; valid until %s)%n",
                tokens.file(), tokens.expires()));
        text.append(String.format("  Logs                %s%n", home.resolve("logs")));
        text.append(String.format("  Traces              %s%n",
                suite.otlp() == null ? "off (--otlp URL sends them to a collector)" : "sent to " + suite.otlp()));
        List<String> examples = new ArrayList<>();
        if (suite.services().contains(SuiteService.REPORTING)) {
            examples.add(String.format("curl -s -H \"Authorization: Bearer $VIEWER_TOKEN\" "
                    + "%s/api/v1/reports/zones/taiyuan-xinzhou", suite.service(SuiteService.REPORTING).url()));
        }
        if (suite.services().contains(SuiteService.PROJECT)) {
            examples.add(String.format("curl -s -H \"Authorization: Bearer $VIEWER_TOKEN\" "
                    + "'%s/api/v1/projects?zone=caijia&size=5'", suite.service(SuiteService.PROJECT).url()));
        }
        if (!examples.isEmpty()) {
            text.append(String.format("%n  Try:%n    source %s%n", tokens.file()));
            examples.forEach(example -> text.append("    ").append(example).append('\n'));
        }
        text.append("\nA service instance or the broker that stops is started again. Ctrl-C stops everything.\n\n");
        return text.toString();
    }

    /** {@code URBANINVEST_POSTGRES_SETTINGS}: {@code key=value} pairs separated by spaces, given to PostgreSQL. */
    private static Map<String, String> postgresSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        String configured = System.getenv("URBANINVEST_POSTGRES_SETTINGS");
        if (configured != null && !configured.isBlank()) {
            for (String pair : configured.trim().split("\\s+")) {
                int equals = pair.indexOf('=');
                if (equals < 1) {
                    throw new IllegalArgumentException("URBANINVEST_POSTGRES_SETTINGS: '" + pair + "' is not key=value");
                }
                settings.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return settings;
    }

    private static List<String> serviceJvmOptions() {
        String configured = System.getenv("URBANINVEST_SERVICE_JAVA_OPTS");
        if (configured != null && !configured.isBlank()) {
            return List.of(configured.trim().split("\\s+"));
        }
        return LocalSuite.DEFAULT_SERVICE_JVM_OPTIONS;
    }
}
