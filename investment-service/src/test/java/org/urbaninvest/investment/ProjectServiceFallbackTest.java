package org.urbaninvest.investment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.urbaninvest.investment.Fixtures.asEditor;
import static org.urbaninvest.investment.Fixtures.asViewer;
import static org.urbaninvest.investment.Fixtures.intend;
import static org.urbaninvest.investment.Fixtures.investor;
import static org.urbaninvest.investment.Fixtures.unique;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.urbaninvest.investment.domain.ProjectRef;
import org.urbaninvest.investment.repository.ReplicaRepository;

/** A project the replica has not seen yet: the service asks project-service (here the test app's stand-in). */
@QuarkusTest
class ProjectServiceFallbackTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    ReplicaRepository replicas;

    private ProjectRef replicaOf(String code) {
        return QuarkusTransaction.requiringNew().call(() -> replicas.project(code));
    }

    @Test
    void acceptsAProjectRegisteredAMomentAgoAndRemembersIt() {
        String code = unique("just-registered");
        ProjectServiceStub.put(code, "xinzhou-economic-zone", "identification", 4);
        String investor = investor();

        asEditor().body(intend(code, investor, "10.00", "2022-07-01")).post("/api/v1/agreements")
                .then().statusCode(201).body("zoneCode", equalTo("xinzhou-economic-zone"));
        assertThat(replicaOf(code)).isEqualTo(new ProjectRef(code, "xinzhou-economic-zone", "identification", 4));
        // asked once, with the service's own token; the second agreement is served by the replica
        asEditor().body(intend(code, investor, "20.00", "2022-07-02")).post("/api/v1/agreements")
                .then().statusCode(201);
        assertThat(ProjectServiceStub.callers(code)).containsExactly("investment-service");
    }

    @Test
    void refusesAProjectProjectServiceDoesNotKnow() {
        String code = unique("unknown");
        asEditor().body(intend(code, investor(), "10.00", "2022-07-01")).post("/api/v1/agreements")
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", contains("projectCode"))
                .body("errors[0].message", containsString("no project "));
        assertThat(ProjectServiceStub.callers(code)).hasSize(1);
        assertThat(replicaOf(code)).isNull();
        asViewer().queryParam("project", code).get("/api/v1/agreements").then().body("total", equalTo(0));
    }

    @Test
    void refusesAProjectProjectServiceReportsCancelled() {
        String code = unique("cancelled-remote");
        ProjectServiceStub.put(code, "zone-a", "cancelled", 2);
        asEditor().body(intend(code, investor(), "10.00", "2022-07-01")).post("/api/v1/agreements")
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", contains("projectCode"))
                .body("errors[0].message", containsString("is cancelled"));
        asViewer().queryParam("project", code).get("/api/v1/agreements").then().body("total", equalTo(0));
    }
}
