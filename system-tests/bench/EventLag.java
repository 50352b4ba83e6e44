import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Event lag at a fixed write rate: agreements are created at RATE per second for SECONDS; a Kafka consumer
 * measures commit → on Kafka (record timestamp − ce_time), and a poller measures accepted → in the report
 * (the zone report's intended count reaching the k-th accepted write). Run with system-tests/bench/event-lag.sh.
 * Writes go over HTTP/1.1, as P1's wrk sends them (java.net.http would otherwise upgrade to HTTP/2, where the
 * services stream a request body to the endpoint rather than read it ahead), so both write figures cost the same.
 */
public class EventLag {

    public static void main(String[] args) throws Exception {
        int rate = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        String project = args[2];
        String investor = args[3];
        String zone = args[4];
        String investment = args[5];
        String reporting = args[6];
        String kafka = args[7];
        String editor = System.getenv("EDITOR_TOKEN");
        String viewer = System.getenv("VIEWER_TOKEN");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(64)).build();

        Properties config = new Properties();
        config.put("bootstrap.servers", kafka);
        config.put("group.id", "event-lag-" + System.nanoTime());
        config.put("auto.offset.reset", "latest");
        List<Long> kafkaLag = Collections.synchronizedList(new ArrayList<>());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of("agreements.v1"));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        Thread reader = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                    var header = r.headers().lastHeader("ce_time");
                    if (header != null && r.value().contains("\"" + zone + "\"")) {
                        Instant committed = Instant.parse(new String(header.value(), StandardCharsets.UTF_8));
                        kafkaLag.add(r.timestamp() - committed.toEpochMilli());
                    }
                }
            }
        });
        reader.start();

        long base = intendedCount(http, viewer, reporting, zone);
        ConcurrentLinkedQueue<Long> accepted = new ConcurrentLinkedQueue<>();
        List<long[]> reportSeen = Collections.synchronizedList(new ArrayList<>()); // {time, count}
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        poller.scheduleWithFixedDelay(() -> {
            try {
                reportSeen.add(new long[] {System.currentTimeMillis(), intendedCount(http, viewer, reporting, zone) - base});
            } catch (Exception ignored) {
                // a missed poll only coarsens the measure
            }
        }, 0, 5, TimeUnit.MILLISECONDS);

        String body = "{\"projectCode\":\"" + project + "\",\"investorId\":\"" + investor
                + "\",\"intendedAmount\":{\"amount\":\"1000.00\",\"currency\":\"CNY\"},\"intendedOn\":\"2022-05-01\"}";
        ScheduledExecutorService writer = Executors.newScheduledThreadPool(4);
        long total = (long) rate * seconds;
        long periodNanos = 1_000_000_000L / rate;
        int[] errors = new int[1];
        List<java.util.concurrent.CompletableFuture<Void>> inFlight = Collections.synchronizedList(new ArrayList<>());
        for (long i = 0; i < total; i++) {
            writer.schedule(() -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create(investment + "/api/v1/agreements"))
                        .header("Authorization", "Bearer " + editor).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenAccept(response -> {
                    if (response.statusCode() == 201) {
                        accepted.add(System.currentTimeMillis());
                    } else {
                        synchronized (errors) {
                            errors[0]++;
                        }
                    }
                }));
            }, i * periodNanos, TimeUnit.NANOSECONDS);
        }
        writer.shutdown();
        writer.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        java.util.concurrent.CompletableFuture.allOf(inFlight.toArray(new java.util.concurrent.CompletableFuture[0]))
                .exceptionally(failure -> null).join();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline
                && (reportSeen.isEmpty() || reportSeen.get(reportSeen.size() - 1)[1] < accepted.size())) {
            Thread.sleep(50);
        }
        poller.shutdownNow();
        reader.interrupt();

        List<Long> acceptedTimes = new ArrayList<>(accepted);
        Collections.sort(acceptedTimes);
        List<Long> reportLag = new ArrayList<>();
        List<long[]> seen = new ArrayList<>(reportSeen);
        int s = 0;
        for (int k = 0; k < acceptedTimes.size(); k++) {
            while (s < seen.size() && seen.get(s)[1] < k + 1) {
                s++;
            }
            if (s < seen.size()) {
                reportLag.add(Math.max(0, seen.get(s)[0] - acceptedTimes.get(k)));
            }
        }
        System.out.printf("writes requested %d, accepted %d, failed %d, achieved %.0f/s%n", total,
                acceptedTimes.size(), errors[0], acceptedTimes.size() / (double) seconds);
        List<Long> onKafka = new ArrayList<>(kafkaLag);
        System.out.println("commit → Kafka (ms): " + percentiles(onKafka));
        System.out.println("accepted → report (ms): " + percentiles(reportLag));
        // machine-readable, for system-tests/bench/run-all.sh
        System.out.printf("RESULT p2.requested %d writes%nRESULT p2.accepted %d writes%nRESULT p2.failed %d writes%n",
                total, acceptedTimes.size(), errors[0]);
        System.out.printf("RESULT p2.kafka.samples %d events%nRESULT p2.report.samples %d writes%n", onKafka.size(),
                reportLag.size());
        for (String[] q : new String[][] {{"p50", "0.5"}, {"p99", "0.99"}}) {
            System.out.printf("RESULT p2.kafka.%s %s ms%n", q[0], quantile(onKafka, Double.parseDouble(q[1])));
            System.out.printf("RESULT p2.report.%s %s ms%n", q[0], quantile(reportLag, Double.parseDouble(q[1])));
        }
        System.exit(0);
    }

    private static final Pattern INTENDED = Pattern.compile("\"intended\"\\s*:\\s*\\{\\s*\"count\"\\s*:\\s*(\\d+)");

    private static long intendedCount(HttpClient http, String token, String reporting, String zone) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(reporting + "/api/v1/reports/zones/" + zone))
                .header("Authorization", "Bearer " + token).build();
        String report = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = INTENDED.matcher(report);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static String percentiles(List<Long> values) {
        if (values.isEmpty()) {
            return "no samples";
        }
        return String.format("n=%d p50=%s p99=%s max=%d", values.size(), quantile(values, 0.5),
                quantile(values, 0.99), Collections.max(values));
    }

    /** The q-quantile of the values (sorted in place), or "none" without samples. */
    private static String quantile(List<Long> values, double q) {
        if (values.isEmpty()) {
            return "none";
        }
        Collections.sort(values);
        int index = q == 0.5 ? values.size() / 2 : (int) Math.min(values.size() - 1, Math.round(values.size() * q));
        return Long.toString(values.get(index));
    }
}
