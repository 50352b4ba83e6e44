package org.urbaninvest.investment;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.urbaninvest.investment.Fixtures.asEditor;
import static org.urbaninvest.investment.Fixtures.asViewer;
import static org.urbaninvest.investment.Fixtures.intend;
import static org.urbaninvest.investment.Fixtures.investor;
import static org.urbaninvest.investment.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** project-service cannot be reached: an unknown project is answered 503 with Retry-After, never 500 or 422. */
@QuarkusTest
@TestProfile(ProjectServiceDownTest.Unreachable.class)
class ProjectServiceDownTest {

    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // nothing listens on port 1
            return Map.of("quarkus.rest-client.project-service.url", "http://127.0.0.1:1");
        }
    }

    @Test
    void answers503WithRetryAfterAndStoresNothing() {
        String investor = investor();
        // enough attempts to open the circuit breaker: the answer stays a 503, only faster
        for (int attempt = 0; attempt < 6; attempt++) {
            String code = unique("unreachable");
            asEditor().body(intend(code, investor, "10.00", "2022-07-01")).post("/api/v1/agreements")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue()).body("status", equalTo(503));
            asViewer().queryParam("project", code).get("/api/v1/agreements").then().body("total", equalTo(0));
        }
        asViewer().queryParam("investor", investor).get("/api/v1/agreements").then().body("total", equalTo(0));
    }
}
