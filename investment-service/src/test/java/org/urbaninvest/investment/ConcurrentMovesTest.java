package org.urbaninvest.investment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.urbaninvest.investment.Fixtures.agreement;
import static org.urbaninvest.investment.Fixtures.asEditor;
import static org.urbaninvest.investment.Fixtures.asViewer;
import static org.urbaninvest.investment.Fixtures.investor;
import static org.urbaninvest.investment.Fixtures.money;
import static org.urbaninvest.investment.Fixtures.project;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrentMovesTest {

    private static final int ROUNDS = 15;

    /** Two requests moving the same agreement at the same moment: one wins, the other is told 409. */
    @Test
    void exactlyOneOfTwoSimultaneousMovesWins() throws Exception {
        String investor = investor();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String id = agreement(project("race-zone"), investor);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Integer>> answers = new ArrayList<>();
                // both sign, for different amounts: without locking both would read INTENDED and both succeed
                answers.add(pool.submit(() -> race(start, id, "sign",
                        Map.of("signedAmount", money("90.00", "CNY"), "signedOn", "2022-04-01"))));
                answers.add(pool.submit(() -> race(start, id, "sign",
                        Map.of("signedAmount", money("80.00", "CNY"), "signedOn", "2022-04-02"))));
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get(30, TimeUnit.SECONDS));
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);

                JsonPath agreement = asViewer().get("/api/v1/agreements/" + id).then().statusCode(200)
                        .extract().jsonPath();
                String winner = statuses.get(0) == 200 ? "90.00" : "80.00";
                assertThat(agreement.getString("stage")).isEqualTo("SIGNED");
                assertThat(agreement.getString("signedAmount.amount")).isEqualTo(winner);
                assertThat(agreement.getInt("version")).isEqualTo(2);
                assertThat(agreement.getList("history.action")).containsExactly("intended", "signed");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int race(CyclicBarrier start, String id, String action, Map<String, ?> body) throws Exception {
        var request = asEditor().body(body);
        start.await(30, TimeUnit.SECONDS);
        return request.post("/api/v1/agreements/" + id + "/" + action).statusCode();
    }
}
