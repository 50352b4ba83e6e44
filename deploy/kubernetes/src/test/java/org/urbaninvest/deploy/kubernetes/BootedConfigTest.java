package org.urbaninvest.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.urbaninvest.launcher.KafkaBroker;
import org.urbaninvest.launcher.PostgresServer;
import org.urbaninvest.launcher.TokenIssuer;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Boots each service's built application with the environment the prod overlay's ConfigMaps give its pod (with
 * every optional component, so the tracing component's settings too), against
 * a real PostgreSQL and Kafka (the local launcher's), and fails on any setting Quarkus does not know: a variable
 * for an extension the service lacks, a misspelt key. Only what must differ outside a cluster is rewritten: hosts
 * and ports, the files mounted from Secrets, and the Kafka listener's TLS and SASL (the local broker has none).
 * Since Quarkus does not report an environment variable it cannot use, each QUARKUS_* variable must also belong
 * to a configuration root of one of the application's extensions. The three services boot side by side (they
 * share only the database server and the broker), so the test costs about one boot, not three.
 */
@RequiresKubectl
class BootedConfigTest {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Path HOME = Kustomize.MODULE.resolve("target/booted-config");
    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static TokenIssuer tokens;

    @BeforeAll
    static void startInfrastructure() throws IOException {
        deleteRecursively(HOME);
        Files.createDirectories(HOME);
        int postgresPort = freePort();
        String libs = System.getProperty("urbaninvest.kafka.classpath");
        String classpath = libs != null && Files.isDirectory(Path.of(libs.replace("/*", ""))) ? libs : KafkaBroker.currentClasspath();
        KafkaBroker broker = new KafkaBroker(HOME.resolve("kafka"), freePort(), freePort(), classpath, HOME.resolve("kafka.log"));
        // the broker starts while PostgreSQL runs initdb
        CompletableFuture<KafkaBroker> kafkaUp = CompletableFuture.supplyAsync(() -> broker.start(Duration.ofSeconds(90)));
        try {
            postgres = new PostgresServer(HOME.resolve("postgres"), postgresPort).start();
        } finally {
            kafka = broker; // stopped after the tests, started or not
            kafkaUp.join();
        }
        tokens = TokenIssuer.inDirectory(HOME.resolve("keys"), TokenIssuer.DEFAULT_ISSUER);
    }

    @AfterAll
    static void stopInfrastructure() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static List<String> services() {
        return Contract.SERVICES;
    }

    @ParameterizedTest
    @MethodSource("services")
    @Execution(ExecutionMode.CONCURRENT)
    void theServiceBootsWithTheProdEnvironmentAndKnowsEveryKey(String service) throws Exception {
        Path jar = ServiceConfig.module(service).resolve("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("%s is built (mvn package)", service).isRegularFile();
        // prod with every optional component: the tracing component's QUARKUS_OTEL_* variables are checked too
        Manifests prod = Renders.of(Renders.PROD_WITH_COMPONENTS);
        Deployment deployment = prod.get(Deployment.class, service);
        PodEnv pod = PodEnv.of(deployment.getSpec().getTemplate().getSpec().getContainers().get(0), prod);

        int port = freePort();
        Map<String, String> env = new HashMap<>();
        pod.all().forEach((name, value) -> {
            if (value.literal() != null) {
                env.put(name, value.literal());
            }
        });
        List<String> fromSecrets = pod.all().entrySet().stream().filter(e -> e.getValue().secret() != null).map(Map.Entry::getKey).toList();
        assertThat(fromSecrets).as("%s variables from Secrets", service)
                .containsExactlyInAnyOrder("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_SASL_JAAS_CONFIG");
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        rewrite(env, "QUARKUS_HTTP_PORT", String.valueOf(port));
        rewrite(env, "QUARKUS_DATASOURCE_JDBC_URL", database(Contract.database(service)));
        rewrite(env, "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        rewrite(env, "KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        rewrite(env, "KAFKA_SSL_TRUSTSTORE_LOCATION", "");
        rewrite(env, "KAFKA_SSL_TRUSTSTORE_TYPE", "");
        rewrite(env, "MP_JWT_VERIFY_PUBLICKEY_LOCATION", tokens.jwksFile().toUri().toString());
        for (String peer : ServiceConfig.of(service).calls()) {
            rewrite(env, "QUARKUS_REST_CLIENT_" + peer.toUpperCase().replace('-', '_') + "_URL", "http://127.0.0.1:1");
        }
        if (env.containsKey("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT")) {
            rewrite(env, "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:1"); // no collector here
        }
        if (env.containsKey("SMALLRYE_JWT_SIGN_KEY_LOCATION")) {
            rewrite(env, "SMALLRYE_JWT_SIGN_KEY_LOCATION", tokens.serviceKeyFile(service).toUri().toString());
        }
        env.values().removeIf(String::isEmpty);
        env.remove("JAVA_OPTS_APPEND"); // read by the image's start script, not by the application

        Path log = HOME.resolve(service + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString())
                .directory(HOME.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("KAFKA_")
                || name.startsWith("MP_") || name.startsWith("SMALLRYE_") || name.startsWith("URBANINVEST_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest started = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + Contract.STARTED))
                    .timeout(Duration.ofSeconds(5)).build();
            Awaitility.await(service + " started (log: " + log + ")").atMost(STARTUP).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> {
                        assertThat(process.isAlive()).as("%s is running; its log:%n%s", service, Files.readString(log)).isTrue();
                        return http.send(started, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    });
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        List<String> unknown = Files.readAllLines(log).stream()
                .filter(line -> line.contains("Unrecognized configuration key") || line.contains("Unrecognised configuration key"))
                .toList();
        assertThat(unknown).as("settings %s does not know, from the prod overlay's ConfigMaps %s", service, env.keySet()).isEmpty();

        // Quarkus does not report environment variables it cannot use: each QUARKUS_* variable must at least
        // belong to a configuration root of an extension the application has (QUARKUS_OTEL_* needs quarkus.otel).
        List<String> roots = configRoots(jar.getParent()).stream().map(BootedConfigTest::environmentName).toList();
        List<String> orphans = pod.all().keySet().stream().filter(name -> name.startsWith("QUARKUS_"))
                .filter(name -> roots.stream().noneMatch(root -> name.startsWith(root + "_"))).sorted().toList();
        assertThat(orphans).as("QUARKUS_* variables of %s's pod for no extension it has (its roots: %s)", service, roots).isEmpty();
    }

    /**
     * The prefixes of the application's configuration roots ({@code quarkus.http}, {@code quarkus.otel}, ...), read
     * from the {@code @ConfigMapping} of each class its extensions list in {@code META-INF/quarkus-config-roots.list}.
     * Roots mapped at the bare {@code quarkus} prefix are left out: they would admit any variable.
     */
    static Set<String> configRoots(Path quarkusApp) throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String dir : List.of("lib/boot", "lib/main")) {
            try (Stream<Path> files = Files.list(quarkusApp.resolve(dir))) {
                files.filter(f -> f.toString().endsWith(".jar")).forEach(jars::add);
            }
        }
        URL[] urls = jars.stream().map(BootedConfigTest::url).toArray(URL[]::new);
        Set<String> roots = new TreeSet<>();
        try (URLClassLoader loader = new URLClassLoader(urls, null)) {
            for (Path jar : jars) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    JarEntry list = file.getJarEntry("META-INF/quarkus-config-roots.list");
                    if (list == null) {
                        continue;
                    }
                    String names = new String(file.getInputStream(list).readAllBytes(), StandardCharsets.UTF_8);
                    for (String name : names.split("\\s+")) {
                        if (!name.isBlank()) {
                            prefix(loader, name).filter(prefix -> !prefix.equals("quarkus")).ifPresent(roots::add);
                        }
                    }
                }
            }
        }
        assertThat(roots).as("configuration roots of %s", quarkusApp).contains("quarkus.http", "quarkus.datasource");
        return roots;
    }

    private static Optional<String> prefix(ClassLoader loader, String type) {
        try {
            for (Annotation annotation : Class.forName(type, false, loader).getAnnotations()) {
                if (annotation.annotationType().getName().equals("io.smallrye.config.ConfigMapping")) {
                    return Optional.of((String) annotation.annotationType().getMethod("prefix").invoke(annotation));
                }
            }
            return Optional.empty();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cannot read the configuration root " + type, e);
        }
    }

    /** quarkus.rest-client -> QUARKUS_REST_CLIENT, the way MicroProfile Config names environment variables. */
    private static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void rewrite(Map<String, String> env, String name, String value) {
        assertThat(env).as("the prod overlay sets %s", name).containsKey(name);
        env.put(name, value);
    }

    private static String database(String name) {
        postgres.createDatabases(List.of(name));
        return postgres.jdbcUrl(name);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
