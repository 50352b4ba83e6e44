import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a service spends its CPU during a benchmark, from a JFR recording (settings=profile), as three Markdown
 * tables: each component's own share of the execution samples (a sample goes to the component of the frame nearest
 * the top of its stack that belongs to one, so JDK code counts for the library that called it; the shares add up to
 * 100 %), each component's inclusive share (a sample counts for every component on its stack: a wrapper such as
 * the security handler around the whole request counts everything under it), and the methods most often on top. Run with {@code java HotPaths.java RECORDING.jfr [TOP]} (system-tests/bench/profile.sh).
 */
public class HotPaths {

    /** Components by package prefix, the first match naming a frame's component. */
    private static final Map<String, String> COMPONENTS = new LinkedHashMap<>();

    static {
        COMPONENTS.put("org.urbaninvest.", "the service's own code");
        COMPONENTS.put("org.hibernate.validator.", "Hibernate Validator");
        COMPONENTS.put("org.hibernate.", "Hibernate ORM");
        COMPONENTS.put("io.quarkus.hibernate.", "Hibernate ORM");
        COMPONENTS.put("com.fasterxml.jackson.", "Jackson");
        COMPONENTS.put("org.postgresql.", "JDBC driver");
        COMPONENTS.put("io.agroal.", "connection pool (Agroal)");
        COMPONENTS.put("com.arjuna.", "transactions (Narayana)");
        COMPONENTS.put("io.quarkus.narayana.", "transactions (Narayana)");
        COMPONENTS.put("io.smallrye.jwt.", "JWT (SmallRye JWT, jose4j)");
        COMPONENTS.put("org.jose4j.", "JWT (SmallRye JWT, jose4j)");
        COMPONENTS.put("io.quarkus.security.", "security checks");
        COMPONENTS.put("io.quarkus.vertx.http.runtime.security.", "security checks");
        COMPONENTS.put("org.jboss.resteasy.reactive.", "REST (RESTEasy Reactive)");
        COMPONENTS.put("io.quarkus.resteasy.reactive.", "REST (RESTEasy Reactive)");
        COMPONENTS.put("io.vertx.", "HTTP (Vert.x, Netty)");
        COMPONENTS.put("io.netty.", "HTTP (Vert.x, Netty)");
        COMPONENTS.put("io.smallrye.context.", "context propagation");
        COMPONENTS.put("io.opentelemetry.", "tracing (OpenTelemetry)");
        COMPONENTS.put("io.quarkus.opentelemetry.", "tracing (OpenTelemetry)");
        COMPONENTS.put("io.micrometer.", "metrics (Micrometer)");
        COMPONENTS.put("io.quarkus.micrometer.", "metrics (Micrometer)");
        COMPONENTS.put("org.apache.kafka.", "Kafka clients");
        COMPONENTS.put("io.smallrye.reactive.messaging.", "SmallRye Reactive Messaging");
        COMPONENTS.put("io.smallrye.faulttolerance.", "fault tolerance");
        COMPONENTS.put("io.quarkus.arc.", "CDI (ArC)");
        COMPONENTS.put("org.jboss.logmanager.", "logging");
        COMPONENTS.put("sun.security.", "JDK crypto");
        COMPONENTS.put("java.math.BigInteger", "JDK crypto");
        COMPONENTS.put("com.github.benmanes.caffeine.", "Caffeine");
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java HotPaths.java RECORDING.jfr [TOP]");
            System.exit(2);
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Map<String, Integer> own = new LinkedHashMap<>();
        Map<String, Integer> inclusive = new LinkedHashMap<>();
        Map<String, Integer> self = new LinkedHashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> on = new HashSet<>();
            String nearest = null;
            for (RecordedFrame frame : frames) {
                String component = component(frame.getMethod().getType().getName());
                if (component != null && on.add(component)) {
                    inclusive.merge(component, 1, Integer::sum);
                    nearest = nearest == null ? component : nearest;
                }
            }
            own.merge(nearest == null ? "JDK and others" : nearest, 1, Integer::sum);
        }
        System.out.printf("%d execution samples in %s%n%n", samples, args[0]);
        System.out.println("| component (own) | share of samples |");
        System.out.println("|---|---:|");
        print(own, samples, own.size());
        System.out.println();
        System.out.println("| component (inclusive) | share of samples |");
        System.out.println("|---|---:|");
        print(inclusive, samples, inclusive.size());
        System.out.println();
        System.out.println("| method on top of the stack (self) | share of samples |");
        System.out.println("|---|---:|");
        print(self, samples, top);
    }

    private static String component(String type) {
        for (Map.Entry<String, String> prefix : COMPONENTS.entrySet()) {
            if (type.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        return null;
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(Map<String, Integer> counts, int samples, int limit) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(limit)
                .forEach(e -> System.out.printf("| %s | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / samples));
    }
}
