package org.urbaninvest.project;

import static io.restassured.RestAssured.given;
import static org.urbaninvest.project.Api.PROGRAMMES;
import static org.urbaninvest.project.Api.PROJECTS;
import static org.urbaninvest.project.Api.ZONES;
import static org.urbaninvest.project.Api.editor;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.Tokens;

/**
 * investment-service's token (the service role, signed with its own key) reads zones and projects, and nothing
 * else: no programme, no write. A token signed with that key gets no other role, whatever it claims.
 */
@QuarkusTest
class ServiceRoleTest {

    @Test
    void theServiceRoleReadsZonesAndProjectsOnly() {
        String zone = Api.zone(null);
        String programme = Api.programme(zone, "roads");
        String project = Api.project(zone, programme, "roads", "identification");

        service().get(ZONES).then().statusCode(200);
        service().get(ZONES + "/" + zone).then().statusCode(200);
        service().get(ZONES + "/" + zone + "/history").then().statusCode(200);
        service().get(PROJECTS).then().statusCode(200);
        service().get(PROJECTS + "/" + project).then().statusCode(200);
        service().get(PROJECTS + "/" + project + "/history").then().statusCode(200);

        Api.problem(service().get(PROGRAMMES), 403);
        Api.problem(service().get(PROGRAMMES + "/" + programme), 403);
        String otherZone = Api.unique("z");
        Api.problem(service().contentType(ContentType.JSON).body(Api.zoneJson(otherZone, null)).post(ZONES), 403);
        Api.problem(service().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Api.projectJson(project, zone, null, null, "preparation")).put(PROJECTS + "/" + project), 403);
        Api.problem(Api.viewer().get(ZONES + "/" + otherZone), 404); // nothing was written
        editor().get(PROJECTS + "/" + project).then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void aTokenSignedWithTheServiceKeyClaimingAdminCannotWrite() {
        String code = Api.unique("z");
        Api.problem(given().auth().oauth2(Tokens.serviceKeyClaimingAdmin()).contentType(ContentType.JSON)
                .body(Api.zoneJson(code, null)).post(ZONES), 403);
        Api.problem(Api.viewer().get(ZONES + "/" + code), 404);
    }

    private static RequestSpecification service() {
        return given().auth().oauth2(Tokens.service());
    }
}
