package org.urbaninvest.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.urbaninvest.project.Api.ZONES;
import static org.urbaninvest.project.Api.editor;
import static org.urbaninvest.project.Api.problem;
import static org.urbaninvest.project.Api.viewer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.Tokens;

@QuarkusTest
class ZoneApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void registersAZoneWithLocationEtagAndVersionOne() {
        String code = Api.unique("z");
        editor().body(Api.zoneJson(code, null)).post(ZONES).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith(ZONES + "/" + code))
                .header("ETag", "\"1\"")
                .body("code", equalTo(code)).body("version", equalTo(1)).body("kind", equalTo("DISTRICT"))
                .body("areaKm2", equalTo(88)).body("regionCode", equalTo("500109"))
                .body("parentCode", nullValue()).body("children.size()", equalTo(0));
        viewer().get(ZONES + "/" + code).then().statusCode(200).header("ETag", "\"1\"").body("name",
                equalTo("Zone " + code));
    }

    @Test
    void childrenAndListByParent() {
        String parent = Api.zone(null);
        String first = Api.zone(parent);
        String second = Api.zone(parent);
        viewer().get(ZONES + "/" + parent).then().statusCode(200)
                .body("children", contains(java.util.stream.Stream.of(first, second).sorted().toArray()));
        viewer().queryParam("parent", parent).get(ZONES).then().statusCode(200)
                .body("total", equalTo(2)).body("items.parentCode", everyItem(equalTo(parent)))
                .body("page", equalTo(0)).body("size", equalTo(50));
        viewer().queryParam("parent", parent).queryParam("size", 1).queryParam("page", 1).get(ZONES).then()
                .statusCode(200).body("items.size()", equalTo(1)).body("total", equalTo(2));
    }

    @Test
    void updateNeedsTheCurrentVersion() {
        String code = Api.zone(null);
        String changed = Api.zoneJson(code, null).replace("Zone " + code, "Renamed");
        problem(editor().body(changed).put(ZONES + "/" + code), 428);
        problem(editor().header("If-Match", "\"7\"").body(changed).put(ZONES + "/" + code), 412);
        viewer().get(ZONES + "/" + code).then().body("name", equalTo("Zone " + code)).body("version", equalTo(1));
        assertEquals(1, Outboxes.events(dataSource, code));

        editor().header("If-Match", "\"1\"").body(changed).put(ZONES + "/" + code).then().statusCode(200)
                .header("ETag", "\"2\"").body("name", equalTo("Renamed")).body("version", equalTo(2));
        problem(editor().header("If-Match", "\"1\"").body(changed.replace("Renamed", "Stale"))
                .put(ZONES + "/" + code), 412);
        viewer().get(ZONES + "/" + code).then().body("name", equalTo("Renamed")).body("version", equalTo(2));
        assertEquals(2, Outboxes.events(dataSource, code));

        // the same content again is no change: no new version, no event
        editor().header("If-Match", "\"2\"").body(changed).put(ZONES + "/" + code).then().statusCode(200)
                .header("ETag", "\"2\"").body("version", equalTo(2));
        assertEquals(2, Outboxes.events(dataSource, code));

        // one history entry per version, none for the refused or empty PUTs, with what changed from what to what
        viewer().get(ZONES + "/" + code + "/history").then().statusCode(200)
                .body("version", contains(1, 2)).body("change", contains("registered", "updated"))
                .body("actor", everyItem(equalTo("editor-user")))
                .body("[0].changes.field", hasItem("name")).body("[0].changes.find { it.field == 'name' }.to",
                        equalTo("Zone " + code))
                .body("[1].changes.field", contains("name"))
                .body("[1].changes[0].from", equalTo("Zone " + code)).body("[1].changes[0].to", equalTo("Renamed"));
        problem(viewer().get(ZONES + "/no-such-zone/history"), 404);
    }

    @Test
    void reParentingUnderADescendantIsAConflict() {
        String top = Api.zone(null);
        String middle = Api.zone(top);
        String bottom = Api.zone(middle);
        problem(editor().header("If-Match", "\"1\"").body(Api.zoneJson(top, bottom)).put(ZONES + "/" + top), 409)
                .body("detail", containsString("cycle"));
        problem(editor().header("If-Match", "\"1\"").body(Api.zoneJson(top, top)).put(ZONES + "/" + top), 409)
                .body("detail", containsString("cycle"));
        viewer().get(ZONES + "/" + top).then().body("parentCode", nullValue()).body("version", equalTo(1));
        assertEquals(1, Outboxes.events(dataSource, top));

        String other = Api.zone(null);
        editor().header("If-Match", "\"1\"").body(Api.zoneJson(bottom, other)).put(ZONES + "/" + bottom).then()
                .statusCode(200).body("parentCode", equalTo(other));
        viewer().get(ZONES + "/" + other).then().body("children", hasItem(bottom));
    }

    @Test
    void unknownParentIs422AndNothingIsStored() {
        String code = Api.unique("z");
        problem(editor().body(Api.zoneJson(code, "no-such-zone")).post(ZONES), 422)
                .body("errors[0].field", equalTo("parentCode"));
        problem(viewer().get(ZONES + "/" + code), 404);
        assertEquals(0, Outboxes.events(dataSource, code));
    }

    @Test
    void duplicateCodeIs409() {
        String code = Api.zone(null);
        problem(editor().body(Api.zoneJson(code, null).replace("Zone " + code, "Other")).post(ZONES), 409)
                .body("detail", containsString("already exists"));
        viewer().get(ZONES + "/" + code).then().body("name", equalTo("Zone " + code)).body("version", equalTo(1));
        assertEquals(1, Outboxes.events(dataSource, code));
    }

    @Test
    void invalidFieldsAreAllListed() {
        problem(editor().body("""
                {"code": "Bad Code", "name": "", "kind": "DISTRICT", "areaKm2": -1, "population": -5,
                 "regionCode": "12"}""").post(ZONES), 400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("code", "name", "areaKm2",
                        "population", "regionCode"));
        String code = Api.unique("kind-bad");
        problem(editor().body("{\"code\": \"" + code + "\", \"name\": \"n\", \"kind\": \"VILLAGE\"}").post(ZONES), 400)
                .body("errors[0].field", equalTo("kind"));
        problem(viewer().get(ZONES + "/" + code), 404);
        assertEquals(0, Outboxes.events(dataSource, code));
    }

    @Test
    void authIsRequired() {
        String code = Api.unique("z");
        problem(given().contentType(ContentType.JSON).body(Api.zoneJson(code, null)).post(ZONES), 401);
        problem(given().get(ZONES), 401);
        problem(given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(Api.zoneJson(code, null))
                .post(ZONES), 403);
        problem(viewer().get(ZONES + "/" + code), 404);
    }
}
