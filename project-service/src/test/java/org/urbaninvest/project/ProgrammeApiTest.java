package org.urbaninvest.project;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.urbaninvest.project.Api.PROGRAMMES;
import static org.urbaninvest.project.Api.editor;
import static org.urbaninvest.project.Api.problem;
import static org.urbaninvest.project.Api.viewer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProgrammeApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void publishesAnOpportunityListWithCategories() {
        String zone = Api.zone(null);
        String code = Api.unique("p");
        editor().body(Api.programmeJson(code, zone, "ecology", "innovation")).post(PROGRAMMES).then().statusCode(201)
                .header("ETag", "\"1\"").header("Location", org.hamcrest.Matchers.endsWith(PROGRAMMES + "/" + code))
                .body("zoneCode", equalTo(zone)).body("publishedOn", equalTo("2022-09-19"))
                .body("declared.projectCount", equalTo(4)).body("declared.investment.amount", equalTo("2000000.00"))
                .body("categories.code", contains("ecology", "innovation"))
                .body("categories[0].declared.investment.currency", equalTo("CNY")).body("version", equalTo(1));
        viewer().get(PROGRAMMES + "/" + code).then().statusCode(200).header("ETag", "\"1\"")
                .body("categories.size()", equalTo(2));
        viewer().queryParam("zone", zone).get(PROGRAMMES).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].code", equalTo(code)).body("items[0].categories.code", contains("ecology", "innovation"));
    }

    @Test
    void updateReplacesCategoriesAndNeedsIfMatch() {
        String zone = Api.zone(null);
        String code = Api.programme(zone, "a1", "b1");
        String changed = Api.programmeJson(code, zone, "b1", "c1");
        problem(editor().body(changed).put(PROGRAMMES + "/" + code), 428);
        problem(editor().header("If-Match", "\"2\"").body(changed).put(PROGRAMMES + "/" + code), 412);
        viewer().get(PROGRAMMES + "/" + code).then().body("categories.code", contains("a1", "b1"))
                .body("version", equalTo(1));
        assertEquals(1, Outboxes.events(dataSource, code));
        editor().header("If-Match", "\"1\"").body(changed).put(PROGRAMMES + "/" + code).then().statusCode(200)
                .header("ETag", "\"2\"").body("categories.code", contains("b1", "c1")).body("version", equalTo(2));
        // the same content again is no change: no new version, no event
        long events = Outboxes.events(dataSource, code);
        editor().header("If-Match", "\"2\"").body(changed).put(PROGRAMMES + "/" + code).then().statusCode(200)
                .body("version", equalTo(2));
        assertEquals(events, Outboxes.events(dataSource, code));

        // one history entry per version, with the categories before and after
        viewer().get(PROGRAMMES + "/" + code + "/history").then().statusCode(200)
                .body("version", contains(1, 2)).body("change", contains("published", "updated"))
                .body("actor", everyItem(equalTo("editor-user")))
                .body("[1].changes.field", contains("categories"))
                .body("[1].changes[0].from.code", contains("a1", "b1"))
                .body("[1].changes[0].to.code", contains("b1", "c1"));
        problem(viewer().get(PROGRAMMES + "/no-such-list/history"), 404);
    }

    @Test
    void aCategoryWithProjectsCannotBeRemoved() {
        String zone = Api.zone(null);
        String code = Api.programme(zone, "used", "unused");
        Api.project(zone, code, "used", "identification");
        problem(editor().header("If-Match", "\"1\"").body(Api.programmeJson(code, zone, "unused"))
                .put(PROGRAMMES + "/" + code), 422).body("errors.field", contains("categories"))
                .body("errors[0].message", containsString("category used has projects"));
        viewer().get(PROGRAMMES + "/" + code).then().body("categories.code", contains("used", "unused"))
                .body("version", equalTo(1));
        assertEquals(1, Outboxes.events(dataSource, code));
        editor().header("If-Match", "\"1\"").body(Api.programmeJson(code, zone, "used"))
                .put(PROGRAMMES + "/" + code).then().statusCode(200).body("categories.code", contains("used"));
    }

    @Test
    void badProgrammesChangeNothing() {
        String zone = Api.zone(null);
        String code = Api.unique("p");
        problem(editor().body(Api.programmeJson(code, "no-such-zone", "x1")).post(PROGRAMMES), 422)
                .body("errors.field", contains("zoneCode"));
        problem(editor().body(Api.programmeJson(code, zone, "x1", "x1")).post(PROGRAMMES), 400)
                .body("errors.field", contains("categories[1].code"));
        problem(editor().body(Api.programmeJson(code, zone, "x1")
                .replace("\"projectCount\": 2", "\"projectCount\": -1")
                .replace("\"publishedOn\": \"2022-09-19\"", "\"publishedOn\": null")).post(PROGRAMMES), 400)
                .body("errors.field", containsInAnyOrder("declared.projectCount", "categories[0].declared.projectCount",
                        "publishedOn"));
        problem(viewer().get(PROGRAMMES + "/" + code), 404);
        assertEquals(0, Outboxes.events(dataSource, code));

        String existing = Api.programme(zone, "x1");
        problem(editor().body(Api.programmeJson(existing, zone)).post(PROGRAMMES), 409)
                .body("detail", containsString("already exists"));
        viewer().get(PROGRAMMES + "/" + existing).then().body("categories.code", contains("x1"))
                .body("version", equalTo(1));
        assertEquals(1, Outboxes.events(dataSource, existing));
    }
}
