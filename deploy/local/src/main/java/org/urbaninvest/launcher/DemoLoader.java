package org.urbaninvest.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Loads the demo data through the services' public REST API, as any client would (so every event is produced
 * the real way): zones (parents first), programmes, projects, plans; then investors and agreements with their moves.
 *
 * <p>It can run again after an interrupted load: what exists is kept (a create answered 409 is skipped, existing
 * investors are found by credit code or name and agreements by reference, moves already made are not repeated).
 */
public final class DemoLoader {

    private static final int PARALLEL_CALLS = 4;
    private static final List<String> STAGES = List.of("INTENDED", "SIGNED", "STARTED", "OPERATIONAL");
    private static final Duration PROJECT_WAIT = Duration.ofSeconds(60);

    private final RestApi projects;
    private final RestApi investments;
    private final Consumer<String> log;

    /**
     * @param token an editor's bearer token
     */
    public DemoLoader(String projectServiceUrl, String investmentServiceUrl, String token, Consumer<String> log) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.projects = new RestApi(http, projectServiceUrl, token);
        this.investments = new RestApi(http, investmentServiceUrl, token);
        this.log = log;
    }

    /** Whether project-service holds no zone at all (a new store). */
    public boolean storeIsEmpty() {
        RestApi.Response response = projects.get("/api/v1/zones?size=1");
        if (!response.ok()) {
            throw new IllegalStateException("GET /api/v1/zones: " + response.problem());
        }
        return response.body().path("total").asLong() == 0;
    }

    /** What a load did. */
    public record Summary(int zones, int programmes, int projects, int investors, int agreements, int moves,
            int disbursements, int skipped) {
    }

    public Summary load(DemoData data) {
        long begin = System.nanoTime();
        AtomicInteger skipped = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_CALLS, runnable -> {
            Thread thread = new Thread(runnable, "demo-loader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // zones one by one: a child needs its parent
            for (JsonNode zone : data.zones()) {
                create(projects, "/api/v1/zones", zone, zone.path("code").asText(), skipped);
            }
            for (JsonNode programme : data.programmes()) {
                create(projects, "/api/v1/programmes", programme, programme.path("code").asText(), skipped);
            }
            inParallel(pool, data.projects(),
                    project -> create(projects, "/api/v1/projects", project, project.path("code").asText(), skipped));
            for (JsonNode plan : data.plans()) {
                create(projects, "/api/v1/plans", plan, plan.path("code").asText(), skipped);
            }
            log.accept(String.format("demo data: %d zones, %d programmes, %d projects, %d plans in project-service"
                    + " (%.1f s)", data.zones().size(), data.programmes().size(), data.projects().size(),
                    data.plans().size(), seconds(begin)));

            Map<String, String> investorIds = investors(data.investors(), skipped);
            Map<String, JsonNode> existing = new HashMap<>();
            for (JsonNode agreement : investments.all("/api/v1/agreements")) {
                if (agreement.hasNonNull("reference")) {
                    existing.put(agreement.get("reference").asText(), agreement);
                }
            }
            AtomicInteger moves = new AtomicInteger();
            AtomicInteger disbursements = new AtomicInteger();
            inParallel(pool, data.agreements(), agreement -> agreement(agreement, investorIds,
                    existing.get(agreement.path("reference").asText()), moves, disbursements, skipped));
            Summary summary = new Summary(data.zones().size(), data.programmes().size(), data.projects().size(),
                    investorIds.size(), data.agreements().size(), moves.get(), disbursements.get(), skipped.get());
            log.accept(String.format("demo data: %d investors, %d agreements, %d stage moves, %d disbursements in "
                    + "investment-service (%.1f s in all)", summary.investors(), summary.agreements(), summary.moves(),
                    summary.disbursements(), seconds(begin)));
            return summary;
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, String> investors(List<JsonNode> investors, AtomicInteger skipped) {
        Map<String, String> idByCreditCode = new HashMap<>();
        Map<String, String> idByName = new HashMap<>();
        for (JsonNode known : investments.all("/api/v1/investors")) {
            if (known.hasNonNull("creditCode")) {
                idByCreditCode.put(known.get("creditCode").asText(), known.get("id").asText());
            }
            idByName.put(known.path("name").asText(), known.path("id").asText());
        }
        Map<String, String> ids = new HashMap<>();
        for (JsonNode investor : investors) {
            String key = investor.path("key").asText();
            String creditCode = investor.path("creditCode").asText(null);
            String id = creditCode != null ? idByCreditCode.get(creditCode) : idByName.get(investor.path("name").asText());
            if (id != null) {
                skipped.incrementAndGet();
            } else {
                ObjectNode body = ((ObjectNode) investor).deepCopy();
                body.remove("key");
                RestApi.Response response = investments.post("/api/v1/investors", body);
                if (!response.created()) {
                    throw new IllegalStateException("POST /api/v1/investors " + key + ": " + response.problem());
                }
                id = response.body().path("id").asText();
            }
            ids.put(key, id);
        }
        return ids;
    }

    private void agreement(JsonNode data, Map<String, String> investorIds, JsonNode existing, AtomicInteger moves,
            AtomicInteger disbursements, AtomicInteger skipped) {
        String reference = data.path("reference").asText();
        JsonNode agreement = existing;
        if (agreement == null) {
            String investorId = investorIds.get(data.path("investor").asText());
            if (investorId == null) {
                throw new IllegalStateException(reference + ": unknown investor " + data.path("investor"));
            }
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("projectCode", data.path("projectCode").asText());
            body.put("investorId", investorId);
            body.set("intendedAmount", data.get("intendedAmount"));
            body.put("intendedOn", data.path("intendedOn").asText());
            body.put("reference", reference);
            agreement = createAgreement(body, reference);
        } else {
            skipped.incrementAndGet();
        }
        String id = agreement.path("id").asText();
        int stage = STAGES.indexOf(agreement.path("stage").asText());
        if (data.hasNonNull("signedOn") && stage < 1) {
            move(id, "sign", fields(data, "signedAmount", "signedOn"), reference);
            moves.incrementAndGet();
        }
        if (data.hasNonNull("startedOn") && stage < 2) {
            move(id, "start", fields(data, "startedOn"), reference);
            moves.incrementAndGet();
        }
        if (data.hasNonNull("operationalOn") && stage < 3) {
            move(id, "operate", fields(data, "operationalOn"), reference);
            moves.incrementAndGet();
        }
        int recorded = agreement.path("disbursements").size();
        List<JsonNode> wanted = new ArrayList<>();
        data.path("disbursements").forEach(wanted::add);
        for (JsonNode disbursement : wanted.subList(Math.min(recorded, wanted.size()), wanted.size())) {
            RestApi.Response response = investments.post("/api/v1/agreements/" + id + "/disbursements",
                    disbursement);
            if (!response.created()) {
                throw new IllegalStateException("disbursement of " + reference + ": " + response.problem());
            }
            disbursements.incrementAndGet();
        }
    }

    /** Creates an agreement; while investment-service does not know the project yet (422), asks again. */
    private JsonNode createAgreement(ObjectNode body, String reference) {
        long deadline = System.nanoTime() + PROJECT_WAIT.toNanos();
        while (true) {
            RestApi.Response response = investments.post("/api/v1/agreements", body);
            if (response.created()) {
                return response.body();
            }
            if (response.status() != 422 || System.nanoTime() > deadline) {
                throw new IllegalStateException("POST /api/v1/agreements " + reference + ": " + response.problem());
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private void move(String id, String action, JsonNode body, String reference) {
        RestApi.Response response = investments.post("/api/v1/agreements/" + id + "/" + action, body);
        // 409: the move was made by an earlier, interrupted load
        if (!response.ok() && response.status() != 409) {
            throw new IllegalStateException(action + " " + reference + ": " + response.problem());
        }
    }

    private void create(RestApi api, String path, JsonNode body, String code, AtomicInteger skipped) {
        RestApi.Response response = api.post(path, body);
        if (response.status() == 409) {
            skipped.incrementAndGet();
        } else if (!response.created()) {
            throw new IllegalStateException("POST " + path + " " + code + ": " + response.problem());
        }
    }

    private static ObjectNode fields(JsonNode data, String... names) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (String name : names) {
            body.set(name, data.get(name));
        }
        return body;
    }

    private static void inParallel(ExecutorService pool, List<JsonNode> items, Consumer<JsonNode> task) {
        List<Future<?>> running = new ArrayList<>();
        for (JsonNode item : items) {
            running.add(pool.submit(() -> task.accept(item)));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                running.forEach(other -> other.cancel(true));
                throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
