package org.urbaninvest.systemtests.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.urbaninvest.systemtests.support.AgreementStream;
import org.urbaninvest.systemtests.support.AgreementStream.Plan;
import org.urbaninvest.systemtests.support.AgreementStream.Step;
import org.urbaninvest.systemtests.support.Api;
import org.urbaninvest.systemtests.support.Money;
import org.urbaninvest.systemtests.support.Workload;

/**
 * A bounded load from its own JVM over loopback: {@code clients} closed-loop clients for {@code seconds} seconds,
 * each mixing writes (an agreement's creation and the moves of its life, {@link AgreementStream#life}) with reads
 * (a zone report, an agreement, a page of agreements, a page of projects), no think time. A probe thread measures
 * the event lag: the time from an accepted write (201) to the first zone report that shows it. Writes a JSON
 * summary: counts by status, throughput, latency percentiles, lag percentiles, and every write that was accepted,
 * so that the test can check that each is stored.
 *
 * <p>Arguments (all {@code --name value}): project, investment, reporting (base URLs), editor, viewer (tokens),
 * clients, seconds, zone, east-project, west-project, investor, probe-zone, probe-project, out (file).
 */
public final class LoadGenerator {

    private final Map<String, String> args;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger ioErrors = new AtomicInteger();
    private final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> writeNanos = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> readNanos = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> lagNanos = Collections.synchronizedList(new ArrayList<>());
    private final ArrayNode accepted = Api.JSON.createArrayNode();
    private final Map<String, ObjectNode> acceptedById = new HashMap<>();
    private final ArrayNode probes = Api.JSON.createArrayNode();
    private final AtomicLong planNumbers = new AtomicLong(1_000_000);
    private long deadline;

    private LoadGenerator(Map<String, String> args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        new LoadGenerator(args).run();
    }

    private void run() throws Exception {
        int clients = Integer.parseInt(args.get("clients"));
        int seconds = Integer.parseInt(args.get("seconds"));
        CountDownLatch done = new CountDownLatch(clients + 1);
        long start = System.nanoTime();
        deadline = start + Duration.ofSeconds(seconds).toNanos();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                try {
                    client(client);
                } finally {
                    done.countDown();
                }
            }, "load-client-" + c);
            thread.start();
        }
        Thread probe = new Thread(() -> {
            try {
                probe();
            } finally {
                done.countDown();
            }
        }, "lag-probe");
        probe.start();
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;

        ObjectNode summary = Api.object();
        summary.put("clients", clients);
        summary.put("seconds", seconds);
        summary.put("elapsedSeconds", Math.round(elapsed * 10) / 10.0);
        int writes = writeNanos.size();
        int reads = readNanos.size();
        summary.put("requests", writes + reads);
        summary.put("writes", writes);
        summary.put("reads", reads);
        summary.put("throughputPerSecond", Math.round((writes + reads) / elapsed));
        summary.put("writesPerSecond", Math.round(writes / elapsed));
        ObjectNode byStatus = summary.putObject("statuses");
        new java.util.TreeMap<>(statuses).forEach((status, count) -> byStatus.put(status, count.get()));
        summary.put("ioErrors", ioErrors.get());
        ArrayNode errors = summary.putArray("firstErrors");
        firstErrors.forEach(errors::add);
        summary.set("latencyMs", latencies());
        summary.set("eventLagMs", percentiles(lagNanos));
        summary.set("accepted", accepted);
        summary.set("probes", probes);
        Files.writeString(Path.of(args.get("out")), Api.JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(summary));
    }

    /** One closed-loop client: its own agreements, moved along their lives, between reads. */
    private void client(int client) {
        Random random = new Random(client);
        String[] projects = {args.get("east-project"), args.get("west-project")};
        List<String> mine = new ArrayList<>();
        Plan plan = null;
        String id = null;
        int done = 0;
        long number = 0;
        while (System.nanoTime() < deadline) {
            int dice = random.nextInt(100);
            if (dice < 35) {
                if (plan == null || done > plan.steps().size()) {
                    number = planNumbers.incrementAndGet();
                    plan = AgreementStream.life((int) number, projects[(int) (number % 2)], args.get("investor"));
                    id = null;
                    done = 0;
                }
                if (id == null) {
                    JsonNode created = write("/api/v1/agreements", Workload.intendBody(plan.project(),
                            plan.investor(), plan.intended(), plan.intendedOn(), null), 201);
                    if (created == null) {
                        plan = null;
                        continue;
                    }
                    id = created.path("id").asText();
                    mine.add(id);
                } else if (step(id, plan.steps().get(done - 1)) == null) {
                    plan = null;
                    continue;
                }
                done++;
                record(id, number, done - 1);
            } else if (dice < 60) {
                read(args.get("reporting") + "/api/v1/reports/zones/" + args.get("zone"));
            } else if (dice < 80 && !mine.isEmpty()) {
                read(args.get("investment") + "/api/v1/agreements/" + mine.get(random.nextInt(mine.size())));
            } else if (dice < 90) {
                read(args.get("investment") + "/api/v1/agreements?project=" + projects[random.nextInt(2)]
                        + "&size=20");
            } else {
                read(args.get("project") + "/api/v1/projects?zone=" + args.get("zone")
                        + "&includeSubzones=true&size=20");
            }
        }
    }

    /** Writes one agreement after another into the probe zone and times how long each takes to show. */
    private void probe() {
        int count = 0;
        while (System.nanoTime() < deadline) {
            JsonNode created = write("/api/v1/agreements", Workload.intendBody(args.get("probe-project"),
                    args.get("investor"), Money.cny("1.00"), LocalDate.parse("2022-06-01"), null), 201);
            if (created == null) {
                continue;
            }
            long accepted = System.nanoTime();
            synchronized (probes) {
                probes.add(created.path("id").asText());
            }
            count++;
            while (System.nanoTime() - accepted < Duration.ofSeconds(60).toNanos()) {
                JsonNode report = get(args.get("reporting") + "/api/v1/reports/zones/" + args.get("probe-zone"));
                if (report != null && report.path("agreements").path("intended").path("count").asInt() >= count) {
                    lagNanos.add(System.nanoTime() - accepted);
                    break;
                }
            }
        }
    }

    private void record(String id, long plan, int steps) {
        synchronized (accepted) {
            acceptedById.computeIfAbsent(id, key -> accepted.addObject().put("id", id).put("plan", plan))
                    .put("steps", steps);
        }
    }

    private JsonNode write(String path, ObjectNode body, int expected) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(args.get("investment") + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + args.get("editor"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.write(body))).build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            writeNanos.add(System.nanoTime() - start);
            count(response, path);
            return response.statusCode() == expected ? Api.parse(response.body()) : null;
        } catch (IOException e) {
            failed(path, e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void read(String url) {
        get(url);
    }

    /** A read, timed and counted like every other (the probe's polls too). */
    private JsonNode get(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + args.get("viewer")).GET().build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            readNanos.add(System.nanoTime() - start);
            count(response, url);
            return response.statusCode() == 200 ? Api.parse(response.body()) : null;
        } catch (IOException e) {
            failed(url, e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void count(HttpResponse<String> response, String what) {
        statuses.computeIfAbsent(Integer.toString(response.statusCode()), s -> new AtomicInteger()).incrementAndGet();
        if (response.statusCode() >= 300 && firstErrors.size() < 20) {
            firstErrors.add(what + " → " + response.statusCode() + " " + response.body());
        }
    }

    private void failed(String what, IOException e) {
        ioErrors.incrementAndGet();
        if (firstErrors.size() < 20) {
            firstErrors.add(what + " → " + e);
        }
    }

    private ObjectNode latencies() {
        ObjectNode latency = Api.object();
        List<Long> all = new ArrayList<>(writeNanos);
        all.addAll(readNanos);
        latency.set("all", percentiles(all));
        latency.set("writes", percentiles(writeNanos));
        latency.set("reads", percentiles(readNanos));
        return latency;
    }

    private static ObjectNode percentiles(List<Long> samples) {
        List<Long> sorted;
        synchronized (samples) {
            sorted = new ArrayList<>(samples);
        }
        Collections.sort(sorted);
        ObjectNode p = Api.object();
        p.put("samples", sorted.size());
        if (!sorted.isEmpty()) {
            p.put("p50", millis(sorted, 0.50));
            p.put("p99", millis(sorted, 0.99));
            p.put("max", Math.round(sorted.get(sorted.size() - 1) / 1e5) / 10.0);
        }
        return p;
    }

    private static double millis(List<Long> sorted, double quantile) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return Math.round(sorted.get(Math.max(0, index)) / 1e5) / 10.0;
    }

    private JsonNode step(String id, Step step) {
        return write("/api/v1/agreements/" + id + "/" + AgreementStream.path(step), AgreementStream.body(step),
                expected(step));
    }

    private static int expected(Step step) {
        return step.kind() == AgreementStream.Kind.DISBURSE ? 201 : 200;
    }

}
