package org.urbaninvest.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.urbaninvest.launcher.KeyRotation;
import org.urbaninvest.systemtests.support.Api;
import org.urbaninvest.systemtests.support.Api.Call;
import org.urbaninvest.systemtests.support.Api.Reply;
import org.urbaninvest.systemtests.support.Ledger;
import org.urbaninvest.systemtests.support.Money;
import org.urbaninvest.systemtests.support.Reports;
import org.urbaninvest.systemtests.support.RunningSuite.Service;
import org.urbaninvest.systemtests.support.SystemTest;
import org.urbaninvest.systemtests.support.Workload;

/**
 * Rotating the key tokens are signed with while clients keep calling, as {@code ./run.sh --rotate-keys} does: the
 * new key joins the JWK Set the launcher serves, then signs, then the old key leaves the set; the services read the
 * set again by themselves, no instance restarts. Eight clients read from and write to every instance of the three
 * services throughout, each taking a fresh token from the issuer every 200 ms: not one answer but a 2xx. Afterwards
 * a token of the removed key is refused (401) by every instance, as are an unknown {@code kid}, no {@code kid}, an
 * expired token and one signed by a key nobody trusts, while a token of the new key gets in.
 */
@Order(45)
class KeyRotationIT extends SystemTest {

    private static final int CLIENTS = 8;
    private static final Duration TOKEN_REFRESH = Duration.ofMillis(200);

    @Test
    void rotatingTheSigningKeyUnderLoadRefusesNoValidTokenAndEveryTokenOfTheRemovedKeyAfterwards() throws Exception {
        Ledger ledger = new Ledger();
        Workload workload = new Workload(suite(), ledger);
        String zone = workload.zone(Workload.uniqueCode("keys"), null, "CITY");
        String project = workload.project(Workload.uniqueCode("keys-p"), zone, null, null, "preparation",
                Money.cny("10.00"));
        String investor = workload.investor("Key Rotation Fixture Ltd");
        new Reports(suite()).awaitZone(ledger, zone);
        List<Call> reads = List.of(new Call(Service.PROJECT, "GET", "/api/v1/zones/" + zone),
                new Call(Service.PROJECT, "GET", "/api/v1/projects/" + project),
                new Call(Service.INVESTMENT, "GET", "/api/v1/investors/" + investor),
                new Call(Service.REPORTING, "GET", "/api/v1/reports/zones/" + zone));

        String viewerOfOldKey = tokens().viewer();
        String editorOfOldKey = tokens().editor();
        String oldKey = suite().launcher().tokens().keyId();

        Load load = new Load(reads, zone);
        load.start();
        KeyRotation.Result rotation;
        try {
            await("the clients are running").atMost(Duration.ofSeconds(60))
                    .until(() -> load.requests.get() > 10 * CLIENTS || !load.failures.isEmpty());
            assertThat(load.failures).as("errors of the clients").isEmpty();
            rotation = suite().launcher().rotateKeys(() -> { });
            // the clients go on while every instance reads the set without the old key
            await("every instance refuses the removed key's tokens").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).until(() -> reads.stream().allMatch(read -> {
                        for (int instance = 0; instance < suite().replicas(read.service()); instance++) {
                            if (status(read, instance, viewerOfOldKey) != 401) {
                                return false;
                            }
                        }
                        return true;
                    }));
        } finally {
            load.stop();
        }
        System.out.printf("[keys] rotated %s -> %s under load: %d requests (%d writes) by %d clients, statuses %s%n",
                rotation.previousKey(), rotation.currentKey(), load.requests.get(), load.writes.get(), CLIENTS,
                load.statuses);

        assertThat(rotation.previousKey()).isEqualTo(oldKey);
        assertThat(rotation.removed()).containsExactly(oldKey);
        assertThat(suite().launcher().tokens().trustedKeyIds()).doesNotContain(oldKey).contains(rotation.currentKey());
        assertThat(load.failures).as("transport errors and exceptions of the clients").isEmpty();
        assertThat(load.statuses.keySet()).as("statuses seen, first non-2xx answers: %s", load.refused)
                .allMatch(status -> status >= 200 && status < 300);
        assertThat(load.writes.get()).as("writes accepted").isPositive();

        // every instance of every service accepts the new key's tokens and refuses wrong ones
        SoftAssertions softly = new SoftAssertions();
        for (Call read : reads) {
            for (int instance = 0; instance < suite().replicas(read.service()); instance++) {
                int k = instance;
                softly.assertThat(status(read, k, tokens().viewer())).as("%s on %d with the new key's", read, k)
                        .isEqualTo(200);
                for (Map.Entry<String, Supplier<String>> wrong : Map.<String, Supplier<String>>of(
                        "an unknown kid", tokens()::unknownKid, "no kid", tokens()::noKid,
                        "another trusted key's kid", tokens()::otherTrustedKid, "an expired token", tokens()::expired,
                        "a key nobody trusts", tokens()::signedByOtherKey).entrySet()) {
                    softly.assertThat(status(read, k, wrong.getValue().get())).as("%s on %d with %s", read, k,
                            wrong.getKey()).isEqualTo(401);
                }
            }
        }
        String refusedZone = Workload.uniqueCode("keys-refused");
        softly.assertThat(api().post(Service.PROJECT, "/api/v1/zones", editorOfOldKey, zoneBody(refusedZone, zone))
                .status()).as("a write with the removed key's token").isEqualTo(401);
        softly.assertThat(api().get(Service.PROJECT, "/api/v1/zones/" + refusedZone, tokens().viewer()).status())
                .as("the refused write changed nothing").isEqualTo(404);
        softly.assertAll();
    }

    private static int status(Call read, int instance, String token) {
        return api().send(new Call(read.service(), read.method(), read.path()).instance(instance).token(token))
                .status();
    }

    private static ObjectNode zoneBody(String code, String parent) {
        ObjectNode body = Api.object();
        body.put("code", code);
        body.put("name", "Zone " + code);
        body.put("kind", "DISTRICT");
        body.put("parentCode", parent);
        return body;
    }

    /**
     * Clients that each hold a viewer's and an editor's token, taken from the issuer again every
     * {@link #TOKEN_REFRESH}: they read round-robin over every instance, and every tenth request writes a zone.
     */
    private static final class Load {

        private final List<Call> reads;
        private final String parentZone;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger requests = new AtomicInteger();
        private final AtomicInteger writes = new AtomicInteger();
        private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        private final List<Future<?>> futures = new ArrayList<>();

        Load(List<Call> reads, String parentZone) {
            this.reads = reads;
            this.parentZone = parentZone;
        }

        void start() {
            for (int c = 0; c < CLIENTS; c++) {
                futures.add(clients.submit(this::client));
            }
        }

        void stop() throws Exception {
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).as("the clients stop").isTrue();
            for (Future<?> client : futures) {
                client.get();
            }
        }

        private void client() {
            Api spread = api().spreading();
            long tokensTaken = 0;
            String viewer = null;
            String editor = null;
            for (int n = 0; running.get(); n++) {
                if (System.nanoTime() - tokensTaken > TOKEN_REFRESH.toNanos()) {
                    viewer = tokens().viewer();
                    editor = tokens().editor();
                    tokensTaken = System.nanoTime();
                }
                try {
                    Reply reply;
                    if (n % 10 == 9) {
                        Call write = new Call(Service.PROJECT, "POST", "/api/v1/zones").token(editor)
                                .json(zoneBody(Workload.uniqueCode("keys-load"), parentZone));
                        reply = spread.trySend(write);
                        if (reply.status() == 201) {
                            writes.incrementAndGet();
                        }
                    } else {
                        Call read = reads.get(n % reads.size());
                        reply = spread.trySend(new Call(read.service(), read.method(), read.path()).token(viewer));
                    }
                    requests.incrementAndGet();
                    statuses.computeIfAbsent(reply.status(), s -> new AtomicInteger()).incrementAndGet();
                    if (!reply.isSuccess() && refused.size() < 5) {
                        refused.add(reply.toString());
                    }
                } catch (IOException | RuntimeException e) {
                    failures.add(e.toString());
                    return;
                }
            }
        }
    }
}
