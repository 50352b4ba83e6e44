package org.urbaninvest.systemtests.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.urbaninvest.systemtests.support.Api.Call;
import org.urbaninvest.systemtests.support.Api.Reply;
import org.urbaninvest.systemtests.support.RunningSuite.Service;

/**
 * A stream of agreement changes from several writer threads, each recording every accepted change in a
 * {@link Ledger}, for the fault scenarios. A writer keeps an agreement's changes in order and never loses track of
 * one: a refused connection or a 503 is retried; an answer lost in a crash (the request may or may not have been
 * applied) is settled by reading the agreement back once the service answers again, never by guessing.
 */
public final class AgreementStream {

    /** How long a writer keeps retrying one change while a service or its database is away. */
    private static final Duration RETRY_FOR = Duration.ofMinutes(4);
    /** Between two attempts of a change while its service is away. */
    private static final Duration BACK_OFF = Duration.ofMillis(200);
    /** How many refused answers are kept to say why writes were refused. */
    private static final int EXAMPLES_KEPT = 5;

    public enum Kind { SIGN, START, OPERATE, WITHDRAW, AMEND_INTENDED, AMEND_SIGNED, DISBURSE }

    public record Step(Kind kind, Money money, LocalDate date) {
    }

    /** One agreement's life: its creation and the changes that follow, in order. */
    public record Plan(String project, String investor, Money intended, LocalDate intendedOn, List<Step> steps) {
    }

    /**
     * A typical life for agreement {@code n} (every fifth one withdrawn early, others signed, funded, started,
     * amended, operating), in CNY or (every third) USD, with amounts and dates that differ from one to the next.
     */
    public static Plan life(int n, String project, String investor) {
        String currency = n % 3 == 0 ? "USD" : "CNY";
        java.math.BigDecimal base = new java.math.BigDecimal(1000 + n).add(java.math.BigDecimal.valueOf(n % 100, 2));
        Money intended = new Money(base, currency);
        Money signed = new Money(base.subtract(java.math.BigDecimal.ONE), currency);
        Money funds = new Money(java.math.BigDecimal.valueOf(10_025 + n, 2), currency);
        LocalDate on = LocalDate.parse("2022-01-01").plusDays(n % 700);
        List<Step> steps = switch (n % 5) {
            case 0 -> List.of(new Step(Kind.SIGN, signed, on.plusDays(10)), new Step(Kind.DISBURSE, funds,
                    on.plusDays(20)), new Step(Kind.START, null, on.plusDays(30)),
                    new Step(Kind.WITHDRAW, null, on.plusDays(40)));
            case 1 -> List.of(new Step(Kind.AMEND_INTENDED, new Money(base.add(java.math.BigDecimal.TEN), currency),
                    null), new Step(Kind.SIGN, signed, on.plusDays(10)), new Step(Kind.DISBURSE, funds,
                    on.plusDays(15)), new Step(Kind.AMEND_SIGNED, new Money(base, currency), null));
            case 2 -> List.of(new Step(Kind.SIGN, signed, on.plusDays(31)), new Step(Kind.START, null,
                    on.plusDays(45)), new Step(Kind.DISBURSE, funds, on.plusDays(60)),
                    new Step(Kind.OPERATE, null, on.plusDays(90)));
            case 3 -> List.of(new Step(Kind.WITHDRAW, null, on.plusDays(5)));
            default -> List.of(new Step(Kind.SIGN, signed, on), new Step(Kind.DISBURSE, funds, on.plusDays(1)),
                    new Step(Kind.DISBURSE, funds, on.plusDays(100)), new Step(Kind.START, null, on.plusDays(120)));
        };
        return new Plan(project, investor, intended, on, steps);
    }

    private Api api;
    private boolean resendLostWrites;
    private final String editor;
    private final String viewer;
    private final Ledger ledger;
    private final AtomicInteger reserved = new AtomicInteger();
    private final AtomicInteger applied = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final List<String> firstUnavailable = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger unsettled = new AtomicInteger();
    private final AtomicInteger resent = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> writers = new ArrayList<>();
    private CountDownLatch done;

    public AgreementStream(RunningSuite suite, Ledger ledger) {
        this.api = suite.api();
        this.editor = suite.tokens().editor();
        this.viewer = suite.tokens().viewer();
        this.ledger = ledger;
    }

    /**
     * For several instances: the calls go round-robin over the instances of each service, every write carries an
     * {@code Idempotency-Key} ({@link Api#spreading()}), and a write whose answer was lost (the instance died with
     * the request) is sent again with the same key, to the next instance, instead of being settled by reading back. A service that honours
     * the key applies such a write once and answers the retry with the first answer.
     */
    public AgreementStream replicated() {
        this.api = api.spreading();
        this.resendLostWrites = true;
        return this;
    }

    /**
     * Starts {@code threads} writers; writer {@code t} executes {@code plans.apply(n)} for n = t, t + threads, …
     * until {@code maxChanges} changes (creations included) are made, or {@link #stop()}.
     */
    public AgreementStream start(int threads, IntFunction<Plan> plans, int maxChanges) {
        done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread writer = new Thread(() -> {
                try {
                    for (int n = first; !stopping.get(); n += threads) {
                        if (!execute(plans.apply(n), maxChanges)) {
                            return;
                        }
                    }
                } catch (RuntimeException | AssertionError e) {
                    failures.add("writer " + first + ": " + e);
                } finally {
                    done.countDown();
                }
            }, "agreement-writer-" + t);
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
        return this;
    }

    /** Changes accepted so far (each a 2xx, or settled as applied after a lost answer). */
    public int applied() {
        return applied.get();
    }

    /** Attempts (sending or reading back) that failed because the service, its database or its answer was away. */
    public int retries() {
        return retries.get();
    }

    /** Writes answered 503 (the service, its database or a service it asks was unavailable), each retried. */
    public int unavailable() {
        return unavailable.get();
    }

    /** The first of those answers (at most five), with their calls: why the writes were refused. */
    public List<String> firstUnavailable() {
        synchronized (firstUnavailable) {
            return List.copyOf(firstUnavailable);
        }
    }

    /** Answers lost in a crash, settled afterwards by reading the agreement back. */
    public int settled() {
        return unsettled.get();
    }

    /** Writes whose answer was lost and that were sent again with their Idempotency-Key ({@link #replicated()}). */
    public int resent() {
        return resent.get();
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public void stop() {
        stopping.set(true);
    }

    /** Waits until every writer has finished (bounded). */
    public void join(Duration atMost) {
        try {
            if (!done.await(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                stop();
                throw new AssertionError("the writers did not finish within " + atMost + "; applied " + applied);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs one plan; false when the change budget is spent or the stream is stopping. */
    private boolean execute(Plan plan, int maxChanges) {
        if (!reserve(maxChanges)) {
            return false;
        }
        String reference = "stream-" + java.util.UUID.randomUUID();
        ObjectNode intend = Workload.intendBody(plan.project(), plan.investor(), plan.intended(), plan.intendedOn(),
                reference);
        String id = null;
        Reply reply = attempt(new Call(Service.INVESTMENT, "POST", "/api/v1/agreements").token(editor).json(intend),
                () -> findByReference(plan.project(), reference));
        if (reply != null && reply.status() == 201) {
            id = reply.json().path("id").asText();
        } else if (reply == null) {
            id = findByReference(plan.project(), reference);
        }
        if (id == null) {
            failures.add("creation of " + reference + " refused: " + reply);
            return true;
        }
        ledger.intended(id, plan.project(), plan.intended(), plan.intendedOn());
        applied.incrementAndGet();
        for (Step step : plan.steps()) {
            if (stopping.get() || !reserve(maxChanges)) {
                return false;
            }
            String agreement = id;
            long before = ledger.agreement(id).version();
            Reply answer = attempt(call(id, step), () -> versionOf(agreement) > before ? agreement : null);
            if (answer != null && !answer.isSuccess()) {
                failures.add(step.kind() + " of " + id + " refused: " + answer);
                return true;
            }
            record(ledger, id, step);
            applied.incrementAndGet();
        }
        return true;
    }

    private boolean reserve(int maxChanges) {
        if (reserved.incrementAndGet() > maxChanges) {
            return false;
        }
        return true;
    }

    /**
     * Sends until there is an answer that is not "unavailable" (bounded). Returns that answer, or null when the
     * answer was lost (reset connection, timeout) and {@code settle} found the change applied afterwards.
     */
    private Reply attempt(Call call, Supplier<String> settle) {
        AtomicReference<Reply> answer = new AtomicReference<>();
        AtomicBoolean appliedUnseen = new AtomicBoolean();
        await(call.toString()).atMost(RETRY_FOR).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(BACK_OFF)
                .until(() -> {
            try {
                Reply reply = api.trySend(call);
                if (reply.status() != 503 && !(resendLostWrites && stillInFlight(reply))) {
                    answer.set(reply);
                    return true;
                }
                if (reply.status() == 503 && unavailable.incrementAndGet() <= EXAMPLES_KEPT) {
                    firstUnavailable.add(call + " → " + reply);
                }
            } catch (ConnectException | HttpConnectTimeoutException refused) {
                // never reached the service: nothing was applied, send again
            } catch (IOException lost) {
                // sent, but the answer was lost: the change may or may not have been applied
                if (resendLostWrites) {
                    resent.incrementAndGet(); // the same key again: applied at most once, the first answer returned
                } else if (settleWhenBack(settle) != null) {
                    appliedUnseen.set(true);
                    return true;
                }
            }
            retries.incrementAndGet();
            return false;
        });
        if (appliedUnseen.get()) {
            unsettled.incrementAndGet();
            return null;
        }
        return answer.get();
    }

    /** A 409 saying the same Idempotency-Key is still being processed (by an instance that may have died). */
    private static boolean stillInFlight(Reply reply) {
        String body = reply.body() == null ? "" : reply.body().toLowerCase(java.util.Locale.ROOT);
        return reply.status() == 409 && (body.contains("in flight") || body.contains("in progress")
                || body.contains("being processed"));
    }

    /** Waits (bounded) until the service answers, then asks {@code settle} whether the change was applied. */
    private String settleWhenBack(Supplier<String> settle) {
        AtomicReference<String> result = new AtomicReference<>();
        await("the service answers again").atMost(RETRY_FOR).pollInSameThread().pollDelay(Duration.ZERO)
                .pollInterval(BACK_OFF).until(() -> {
                    try {
                        result.set(settle.get());
                        return true;
                    } catch (RuntimeException unavailable) {
                        retries.incrementAndGet();
                        return false;
                    }
                });
        return result.get();
    }

    private long versionOf(String id) {
        Reply reply = api.send(new Call(Service.INVESTMENT, "GET", "/api/v1/agreements/" + id).token(viewer));
        if (reply.status() != 200) {
            throw new IllegalStateException("not readable yet: " + reply);
        }
        return reply.json().path("version").asLong();
    }

    private String findByReference(String project, String reference) {
        for (int page = 0; ; page++) {
            Reply reply = api.send(new Call(Service.INVESTMENT, "GET",
                    "/api/v1/agreements?project=" + project + "&size=500&page=" + page).token(viewer));
            if (reply.status() != 200) {
                throw new IllegalStateException("not readable yet: " + reply);
            }
            JsonNode answer = reply.json();
            for (JsonNode item : answer.path("items")) {
                if (reference.equals(item.path("reference").asText())) {
                    return item.path("id").asText();
                }
            }
            if ((long) (page + 1) * 500 >= answer.path("total").asLong()) {
                return null;
            }
        }
    }

    private Call call(String id, Step step) {
        return new Call(Service.INVESTMENT, "POST", "/api/v1/agreements/" + id + "/" + path(step)).token(editor)
                .json(body(step)).timeout(Duration.ofSeconds(20));
    }

    /** The action's path below {@code /api/v1/agreements/{id}/}. */
    public static String path(Step step) {
        return switch (step.kind()) {
            case SIGN -> "sign";
            case START -> "start";
            case OPERATE -> "operate";
            case WITHDRAW -> "withdraw";
            case AMEND_INTENDED, AMEND_SIGNED -> "amend";
            case DISBURSE -> "disbursements";
        };
    }

    /** The action's request body. */
    public static ObjectNode body(Step step) {
        ObjectNode body = Api.object();
        switch (step.kind()) {
            case SIGN -> body = Workload.signBody(step.money(), step.date());
            case START -> body.put("startedOn", step.date().toString());
            case OPERATE -> body.put("operationalOn", step.date().toString());
            case WITHDRAW -> body.put("withdrawnOn", step.date().toString()).put("reason", "withdrawn in a stream");
            case AMEND_INTENDED -> body.put("reason", "revised in a stream").set("intendedAmount", step.money().json());
            case AMEND_SIGNED -> body.put("reason", "revised in a stream").set("signedAmount", step.money().json());
            case DISBURSE -> body.put("receivedOn", step.date().toString()).set("amount", step.money().json());
            default -> throw new IllegalArgumentException(step.kind().toString());
        }
        return body;
    }

    /** Records an accepted change of agreement {@code id} in {@code ledger}. */
    public static void record(Ledger ledger, String id, Step step) {
        switch (step.kind()) {
            case SIGN -> ledger.signed(id, step.money(), step.date());
            case START -> ledger.moved(id, "STARTED");
            case OPERATE -> ledger.moved(id, "OPERATIONAL");
            case WITHDRAW -> ledger.moved(id, "WITHDRAWN");
            case AMEND_INTENDED -> ledger.amended(id, step.money(), null);
            case AMEND_SIGNED -> ledger.amended(id, null, step.money());
            case DISBURSE -> ledger.disbursed(id, step.money(), step.date());
            default -> throw new IllegalArgumentException(step.kind().toString());
        }
    }
}
