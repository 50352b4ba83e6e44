package org.urbaninvest.investment;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.urbaninvest.investment.Fixtures.agreement;
import static org.urbaninvest.investment.Fixtures.asViewer;
import static org.urbaninvest.investment.Fixtures.investor;
import static org.urbaninvest.investment.Fixtures.project;
import static org.urbaninvest.investment.Fixtures.sign;
import static org.urbaninvest.investment.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgreementListTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void filtersByProjectZoneStageAndInvestorAndPages() {
        String zone = unique("zone");
        String projectA = project(zone);
        String projectB = project(zone);
        String investorA = investor();
        String investorB = investor();
        String a1 = agreement(projectA, investorA);
        String a2 = agreement(projectA, investorB);
        String b1 = agreement(projectB, investorA);
        sign(a2, "50.00", "2022-04-01");

        asViewer().queryParam("project", projectA).get("/api/v1/agreements").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", contains(a1, a2))
                .body("items.history", everyItem(org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty())));
        asViewer().queryParam("zone", zone).get("/api/v1/agreements").then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", contains(a1, a2, b1));
        asViewer().queryParam("zone", zone).queryParam("stage", "SIGNED").get("/api/v1/agreements").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(a2))
                .body("items[0].signedAmount.amount", equalTo("50.00"));
        asViewer().queryParam("investor", investorA).get("/api/v1/agreements").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", containsInAnyOrder(a1, b1));
        asViewer().queryParam("investor", investorA).queryParam("project", projectB).get("/api/v1/agreements")
                .then().statusCode(200).body("total", equalTo(1)).body("items.id", contains(b1));
        asViewer().queryParam("zone", zone).queryParam("size", 2).queryParam("page", 1).get("/api/v1/agreements")
                .then().statusCode(200).body("total", equalTo(3)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("items.id", contains(b1));
    }

    @Test
    void refusesBadFilters() {
        asViewer().queryParam("stage", "SIGNING").get("/api/v1/agreements").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", contains("stage"))
                .body("errors[0].message",
                        equalTo("must be one of INTENDED, SIGNED, STARTED, OPERATIONAL, WITHDRAWN"));
        asViewer().queryParam("investor", "abc").get("/api/v1/agreements").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", contains("investor"));
        asViewer().queryParam("includeSubzones", "maybe").get("/api/v1/agreements").then().statusCode(400)
                .body("errors.field", contains("includeSubzones"));
        asViewer().queryParam("size", 0).get("/api/v1/agreements").then().statusCode(400)
                .body("errors.field", contains("size"));
        asViewer().queryParam("size", 501).get("/api/v1/agreements").then().statusCode(400)
                .body("errors.field", contains("size"));
        asViewer().queryParam("page", -1).get("/api/v1/agreements").then().statusCode(400)
                .body("errors.field", contains("page"));
    }
}
