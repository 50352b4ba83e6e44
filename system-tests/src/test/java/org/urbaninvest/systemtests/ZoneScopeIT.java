package org.urbaninvest.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.urbaninvest.systemtests.support.Api;
import org.urbaninvest.systemtests.support.Api.Call;
import org.urbaninvest.systemtests.support.Api.Reply;
import org.urbaninvest.systemtests.support.Endpoints;
import org.urbaninvest.systemtests.support.Endpoints.Endpoint;
import org.urbaninvest.systemtests.support.Ledger;
import org.urbaninvest.systemtests.support.Money;
import org.urbaninvest.systemtests.support.Problems;
import org.urbaninvest.systemtests.support.Reports;
import org.urbaninvest.systemtests.support.RunningSuite.Service;
import org.urbaninvest.systemtests.support.SystemTest;
import org.urbaninvest.systemtests.support.Workload;

/**
 * The {@code zones} claim, for every endpoint the three services declare in their OpenAPI documents: a token scoped
 * to one district ({@code inside}, with a zone beneath it) against its sibling ({@code outside}) and their parent.
 * Reads of an item outside answer 404, lists show nothing outside, an ancestor's reports answer 403; writes inside
 * succeed, writes outside answer 403 and change nothing; a scoped viewer writes nothing; admins and tokens without
 * the claim are unscoped. An endpoint that is neither classified here nor free of zones fails the test, so a new one
 * is not left out.
 */
@Order(35)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZoneScopeIT extends SystemTest {

    /** The kinds of item that lie in a zone, by the path segment before their parameter. */
    private static final Set<String> IN_ZONES = Set.of("zones", "programmes", "projects", "plans", "agreements");
    /** Items that lie in no zone: every caller with the role reads and writes them. */
    private static final Set<String> ZONELESS = Set.of("investors");
    private static final Map<String, String> REQUIRED_QUERY = Map.of("metric", "intended");
    /** Reads of a zone named by {@code ?zone=} (not by the path): each is an item read of that zone. */
    private static final Set<String> ZONE_QUERY = Set.of("project-service GET /api/v1/oc4ids/project-package");
    private static final LocalDate DAY = LocalDate.parse("2022-07-01");
    private static final Money AMOUNT = Money.cny("7.00");
    private static final String IMPORT_HEADER = "code,name,zoneCode,programmeCode,categoryCode,status,sector,"
            + "estimatedAmount,currency,plannedStart,plannedCompletion\n";

    private Workload workload;
    private String parent;
    private String investor;
    private Side inside;
    private Side outside;
    private String scopedEditor;
    private String scopedViewer;
    private List<Endpoint> endpoints;

    /** One side of the boundary: its zone, programme, project, plan and agreement (and a zone beneath, inside). */
    private record Side(String zone, String programme, String project, String plan, String agreement) {

        Map<String, String> keys(String investor) {
            return Map.of("zones", zone, "programmes", programme, "projects", project, "plans", plan,
                    "agreements", agreement, "investors", investor);
        }

        List<String> codes() {
            return List.of(zone, programme, project, plan, agreement);
        }
    }

    @BeforeAll
    void fixtures() {
        Ledger ledger = new Ledger();
        workload = new Workload(suite(), ledger);
        parent = workload.zone(Workload.uniqueCode("scope-city"), null, "CITY");
        String district = workload.zone(Workload.uniqueCode("scope-district"), parent, "DISTRICT");
        String beneath = workload.zone(Workload.uniqueCode("scope-area"), district, "NEW_AREA");
        String sibling = workload.zone(Workload.uniqueCode("scope-sibling"), parent, "DISTRICT");
        investor = workload.investor("Zone Scope Fixture Ltd");
        inside = side(beneath);
        outside = side(sibling);
        scopedEditor = tokens().scoped("editor", district);
        scopedViewer = tokens().scoped("viewer", district);
        // investment-service and reporting-service place the zone beneath the district once zones.v1 reached them
        await().atMost(Reports.CONVERGENCE).pollInterval(Duration.ofMillis(200)).until(() ->
                api().get(Service.INVESTMENT, "/api/v1/agreements/" + inside.agreement(), scopedViewer).status() == 200
                        && known("/api/v1/reports/zones/" + beneath) && known("/api/v1/reports/zones/" + sibling)
                        && known("/api/v1/reports/programmes/" + inside.programme())
                        && known("/api/v1/reports/programmes/" + outside.programme())
                        && Stream.of(inside, outside).allMatch(side -> known("/api/v1/reports/projects/" + side.project())
                                && known("/api/v1/reports/agreements/" + side.agreement())));
        endpoints = Endpoints.of(suite()).stream().filter(e -> !e.isOpen() && !e.isAdmin()).toList();
    }

    private static boolean known(String report) {
        return api().get(Service.REPORTING, report, tokens().viewer()).status() == 200;
    }

    private Side side(String zone) {
        String programme = workload.programme(Workload.uniqueCode("scope-list"), zone, 1, Money.cny("10.00"),
                List.of(new Ledger.Category("other", "Other", 1, Money.cny("10.00"))));
        String project = workload.project(Workload.uniqueCode("scope-project"), zone, programme, "other",
                "identification", Money.cny("10.00"));
        String plan = workload.plan(Workload.uniqueCode("scope-plan"), zone);
        return new Side(zone, programme, project, plan, workload.intend(project, investor, AMOUNT, DAY));
    }

    @Test
    void everyReadShowsOnlyWhatLiesInsideTheTokensZones() {
        SoftAssertions softly = new SoftAssertions();
        List<String> unclassified = new ArrayList<>();
        for (Endpoint endpoint : endpoints.stream().filter(Endpoint::isRead).toList()) {
            String kind = kind(endpoint);
            if (ZONE_QUERY.contains(endpoint.toString())) {
                zoneQueryRead(endpoint, softly);
                continue;
            }
            for (String token : List.of(scopedEditor, scopedViewer)) {
                String who = token.equals(scopedEditor) ? "scoped editor" : "scoped viewer";
                if (kind == null) { // a list: nothing outside shows
                    Reply list = api().send(call(endpoint, Map.of(), token));
                    softly.assertThat(list.status()).as("%s as %s", endpoint, who).isEqualTo(200);
                    outside.codes().forEach(code -> softly.assertThat(list.body())
                            .as("%s as %s shows nothing outside", endpoint, who).doesNotContain(code));
                } else if (IN_ZONES.contains(kind)) {
                    Reply in = api().send(call(endpoint, inside.keys(investor), token));
                    softly.assertThat(in.status()).as("%s inside as %s: %s", endpoint, who, in).isEqualTo(200);
                    Reply out = api().send(call(endpoint, outside.keys(investor), token));
                    softly.assertThat(out.status()).as("%s outside as %s", endpoint, who).isEqualTo(404);
                    softly.check(() -> Problems.assertProblem(out));
                    // the answer is the one an unknown item gets: nothing tells that it exists
                    Map<String, String> unknown = unknownKeys();
                    Reply none = api().send(call(endpoint, unknown, token));
                    softly.assertThat(out.body().replace(outside.keys(investor).get(kind), "?"))
                            .as("%s outside as %s answers as for an unknown one", endpoint, who)
                            .isEqualTo(none.body().replace(unknown.get(kind), "?"));
                    if (endpoint.service() == Service.REPORTING && kind.equals("zones")) {
                        Reply ancestor = api().send(call(endpoint, Map.of("zones", parent), token));
                        softly.assertThat(ancestor.status()).as("%s of the ancestor as %s", endpoint, who)
                                .isEqualTo(403);
                    }
                } else if (ZONELESS.contains(kind)) {
                    softly.assertThat(api().send(call(endpoint, inside.keys(investor), token)).status())
                            .as("%s as %s", endpoint, who).isEqualTo(200);
                } else {
                    unclassified.add(endpoint.toString());
                }
            }
            if (kind != null && IN_ZONES.contains(kind)) { // unscoped, and admin whatever its claim
                for (String token : List.of(tokens().viewer(), tokens().scoped("admin", inside.zone()))) {
                    softly.assertThat(api().send(call(endpoint, outside.keys(investor), token)).status())
                            .as("%s outside, unscoped", endpoint).isEqualTo(200);
                }
            }
        }
        softly.assertThat(unclassified).as("reads that are neither zone-scoped nor zoneless").isEmpty();
        softly.assertAll();
    }

    /**
     * A read of the zone in {@code ?zone=}: inside, it shows the inside's items and none of the outside's; outside, it
     * answers 404 exactly as for an unknown zone; unscoped callers and admins read outside too.
     */
    private void zoneQueryRead(Endpoint endpoint, SoftAssertions softly) {
        Function<String, Call> read = zone -> new Call(endpoint.service(), endpoint.method(), endpoint.path()
                + "?zone=" + zone + "&includeSubzones=true");
        for (String token : List.of(scopedEditor, scopedViewer)) {
            Reply in = api().send(read.apply(inside.zone()).token(token));
            softly.assertThat(in.status()).as("%s inside: %s", endpoint, in).isEqualTo(200);
            softly.assertThat(in.body()).as("%s inside", endpoint).contains(inside.project());
            outside.codes().forEach(code -> softly.assertThat(in.body()).as("%s inside", endpoint)
                    .doesNotContain(code));
            Reply out = api().send(read.apply(outside.zone()).token(token));
            softly.assertThat(out.status()).as("%s outside", endpoint).isEqualTo(404);
            softly.check(() -> Problems.assertProblem(out));
            String unknown = unknownKeys().get("zones");
            Reply none = api().send(read.apply(unknown).token(token));
            softly.assertThat(out.body().replace(outside.zone(), "?"))
                    .as("%s outside answers as for an unknown zone", endpoint)
                    .isEqualTo(none.body().replace(unknown, "?"));
            Reply ancestor = api().send(read.apply(parent).token(token));
            softly.assertThat(ancestor.status()).as("%s of the ancestor", endpoint).isEqualTo(404);
        }
        for (String token : List.of(tokens().viewer(), tokens().scoped("admin", inside.zone()))) {
            softly.assertThat(api().send(read.apply(outside.zone()).token(token)).status())
                    .as("%s outside, unscoped", endpoint).isEqualTo(200);
        }
    }

    @Test
    void listsAndExportsShowTheItemsInsideAndNothingElse() {
        Map<String, String> lists = new LinkedHashMap<>();
        lists.put("/api/v1/zones", inside.zone());
        lists.put("/api/v1/programmes", inside.programme());
        lists.put("/api/v1/projects", inside.project());
        lists.put("/api/v1/plans", inside.plan());
        lists.put("/api/v1/agreements", inside.agreement());
        lists.put("/api/v1/reports/zones", inside.zone());
        lists.put("/api/v1/reports/catalogue", inside.programme());
        SoftAssertions softly = new SoftAssertions();
        lists.forEach((path, expected) -> {
            Service service = path.contains("reports") ? Service.REPORTING
                    : path.contains("agreements") ? Service.INVESTMENT : Service.PROJECT;
            Reply reply = api().get(service, path, scopedViewer);
            softly.assertThat(reply.body()).as("%s as scoped viewer", path).contains(expected);
            outside.codes().forEach(code -> softly.assertThat(reply.body()).as("%s", path).doesNotContain(code));
        });
        for (Call csv : List.of(new Call(Service.PROJECT, "GET", "/api/v1/projects"),
                new Call(Service.REPORTING, "GET", "/api/v1/reports/zones"))) {
            Reply reply = api().send(csv.token(scopedViewer).header("Accept", "text/csv")).expect(200);
            softly.assertThat(reply.body()).as("%s as CSV", csv).contains(inside.zone())
                    .doesNotContain(outside.zone()).doesNotContain(parent);
        }
        softly.assertThat(api().get(Service.PROJECT, "/api/v1/zones", tokens().scoped("viewer")).json()
                .path("total").asInt()).as("a claim naming no zone shows nothing").isZero();
        softly.assertAll();
    }

    @Test
    void everyWriteInsideSucceedsAndOutsideIsRefusedWithNothingChanged() {
        Map<String, Function<Side, Write>> writes = writes();
        SoftAssertions softly = new SoftAssertions();
        List<String> unclassified = new ArrayList<>();
        for (Endpoint endpoint : endpoints.stream().filter(e -> !e.isRead()).toList()) {
            String name = endpoint.method() + " " + endpoint.path();
            Function<Side, Write> write = writes.get(name);
            if (write == null) {
                unclassified.add(endpoint.toString());
                continue;
            }
            Write in = write.apply(inside);
            Reply done = api().send(in.call().token(scopedEditor));
            softly.assertThat(done.status()).as("%s inside as scoped editor: %s", endpoint, done).isBetween(200, 201);

            Write out = write.apply(outside);
            String before = out.watched() == null ? null : snapshot(out.watched());
            Reply refused = api().send(out.call().token(scopedEditor));
            String kind = kind(endpoint);
            if (kind == null || !ZONELESS.contains(kind)) {
                softly.assertThat(refused.status()).as("%s outside as scoped editor: %s", endpoint, refused)
                        .isEqualTo(403);
                softly.check(() -> Problems.assertProblem(refused));
                if (out.watched() != null) {
                    softly.assertThat(snapshot(out.watched())).as("%s outside changed nothing", endpoint)
                            .isEqualTo(before);
                }
                if (out.created() != null) {
                    softly.assertThat(api().send(new Call(endpoint.service(), "GET", out.created())
                            .token(tokens().viewer())).status()).as("%s outside created nothing", endpoint)
                            .isEqualTo(404);
                }
            } else {
                softly.assertThat(refused.status()).as("%s (no zone) as scoped editor: %s", endpoint, refused)
                        .isBetween(200, 201);
            }
            Reply viewer = api().send(write.apply(inside).call().token(scopedViewer));
            softly.assertThat(viewer.status()).as("%s inside as scoped viewer", endpoint).isEqualTo(403);
        }
        softly.assertThat(unclassified).as("writes with no case here").isEmpty();
        softly.assertAll();
    }

    @Test
    void aScopedEditorCannotRegisterATopLevelZoneNorOneBesideItsDistrict() {
        for (String parentCode : new String[] {null, parent}) {
            String code = Workload.uniqueCode("scope-new");
            Reply reply = api().post(Service.PROJECT, "/api/v1/zones", scopedEditor,
                    Workload.zoneBody(code, parentCode, "DISTRICT"));
            assertThat(reply.status()).as("a zone under %s", parentCode).isEqualTo(403);
            api().get(Service.PROJECT, "/api/v1/zones/" + code, tokens().viewer()).expect(404);
        }
    }

    private static Map<String, String> unknownKeys() {
        return Map.of("zones", "scope-unknown-zone", "programmes", "scope-unknown-list", "projects",
                "scope-unknown-project", "plans", "scope-unknown-plan", "agreements", java.util.UUID.randomUUID().toString());
    }

    /** A write, the item whose representation must not change when it is refused, the one it must not create. */
    private record Write(Call call, String watched, String created) {
    }

    /** For each write endpoint, the call on one side: of an item there, or creating one there. */
    private Map<String, Function<Side, Write>> writes() {
        Map<String, Function<Side, Write>> writes = new LinkedHashMap<>();
        writes.put("POST /api/v1/zones", side -> {
            String code = Workload.uniqueCode("scope-new");
            return new Write(json(Service.PROJECT, "POST", "/api/v1/zones", Workload.zoneBody(code, side.zone(),
                    "INDUSTRIAL_PARK")), null, "/api/v1/zones/" + code);
        });
        writes.put("PUT /api/v1/zones/{code}", side -> replace(Service.PROJECT, "/api/v1/zones/" + side.zone(),
                Workload.zoneBody(side.zone(), zoneParent(side.zone()), "NEW_AREA")));
        writes.put("POST /api/v1/programmes", side -> {
            String code = Workload.uniqueCode("scope-list");
            return new Write(json(Service.PROJECT, "POST", "/api/v1/programmes", programmeBody(code, side.zone())),
                    null, "/api/v1/programmes/" + code);
        });
        writes.put("PUT /api/v1/programmes/{code}", side -> replace(Service.PROJECT,
                "/api/v1/programmes/" + side.programme(), programmeBody(side.programme(), side.zone())
                        .put("name", "Renamed " + side.programme())));
        writes.put("POST /api/v1/projects", side -> {
            String code = Workload.uniqueCode("scope-project");
            return new Write(json(Service.PROJECT, "POST", "/api/v1/projects", Workload.projectBody(code,
                    side.zone(), null, null, "identification", Money.cny("10.00"))), null, "/api/v1/projects/" + code);
        });
        writes.put("PUT /api/v1/projects/{code}", side -> replace(Service.PROJECT, "/api/v1/projects/"
                + side.project(), Workload.projectBody(side.project(), side.zone(), side.programme(), "other",
                currentStatus(side.project()), Money.cny("10.00")).put("name", "Renamed " + side.project())));
        writes.put("POST /api/v1/projects/{code}/status", side -> {
            String project = workload.project(Workload.uniqueCode("scope-project"), side.zone(), null, null,
                    "identification", Money.cny("10.00"));
            return new Write(json(Service.PROJECT, "POST", "/api/v1/projects/" + project + "/status",
                    Api.object().put("status", "preparation").put("reason", "prepared")),
                    "/api/v1/projects/" + project, null);
        });
        writes.put("POST /api/v1/projects/import", side -> {
            String code = Workload.uniqueCode("scope-import");
            String csv = IMPORT_HEADER + code + ",Imported " + code + "," + side.zone()
                    + ",,,identification,economy,10.00,CNY,2022-01-01,2024-12-31\n";
            return new Write(new Call(Service.PROJECT, "POST", "/api/v1/projects/import")
                    .body("text/csv", csv.getBytes(StandardCharsets.UTF_8)), null, "/api/v1/projects/" + code);
        });
        writes.put("POST /api/v1/plans", side -> {
            String code = Workload.uniqueCode("scope-plan");
            return new Write(json(Service.PROJECT, "POST", "/api/v1/plans", Workload.planBody(code, side.zone())),
                    null, "/api/v1/plans/" + code);
        });
        writes.put("PUT /api/v1/plans/{code}", side -> replace(Service.PROJECT, "/api/v1/plans/" + side.plan(),
                Workload.planBody(side.plan(), side.zone()).put("title", "Renamed " + side.plan())));
        writes.put("POST /api/v1/plans/{code}/observations", side -> new Write(json(Service.PROJECT, "POST",
                "/api/v1/plans/" + side.plan() + "/observations", Api.parse("""
                        {"indicatorCode": "population", "observations": [{"date": "2023-12-31", "value": "12150000",
                         "source": null}]}""")), "/api/v1/plans/" + side.plan(), null));
        writes.put("POST /api/v1/agreements/import", side -> new Write(new Call(Service.INVESTMENT, "POST",
                "/api/v1/agreements/import").body("text/csv", ("record,investorId,reference,projectCode,stage,"
                + "intendedAmount,intendedCurrency,intendedOn\nagreement," + investor + ","
                + Workload.uniqueCode("scope-import") + "," + side.project() + ",INTENDED,7.00,CNY," + DAY + "\n")
                .getBytes(StandardCharsets.UTF_8)), "/api/v1/agreements?project=" + side.project(), null));
        writes.put("POST /api/v1/agreements", side -> new Write(json(Service.INVESTMENT, "POST", "/api/v1/agreements",
                Workload.intendBody(side.project(), investor, AMOUNT, DAY, null)),
                "/api/v1/agreements?project=" + side.project(), null));
        writes.put("POST /api/v1/agreements/{id}/sign", side -> action(side, "INTENDED", "sign",
                Workload.signBody(AMOUNT, DAY)));
        writes.put("POST /api/v1/agreements/{id}/start", side -> action(side, "SIGNED", "start",
                Api.object().put("startedOn", DAY.toString())));
        writes.put("POST /api/v1/agreements/{id}/operate", side -> action(side, "STARTED", "operate",
                Api.object().put("operationalOn", DAY.toString())));
        writes.put("POST /api/v1/agreements/{id}/withdraw", side -> action(side, "INTENDED", "withdraw",
                Api.object().put("withdrawnOn", DAY.toString()).put("reason", "withdrawn")));
        writes.put("POST /api/v1/agreements/{id}/amend", side -> action(side, "INTENDED", "amend",
                Api.object().put("reason", "revised").set("intendedAmount", Money.cny("9.00").json())));
        writes.put("POST /api/v1/agreements/{id}/disbursements", side -> action(side, "SIGNED", "disbursements",
                Api.object().put("receivedOn", DAY.toString()).set("amount", Money.cny("1.00").json())));
        writes.put("POST /api/v1/investors", side -> new Write(json(Service.INVESTMENT, "POST", "/api/v1/investors",
                Api.object().put("name", "Scoped " + side.zone()).put("kind", "PRIVATE")), null, null));
        writes.put("PUT /api/v1/investors/{id}", side -> replace(Service.INVESTMENT, "/api/v1/investors/" + investor,
                Api.object().put("name", "Renamed by " + side.zone()).put("kind", "PRIVATE")));
        return writes;
    }

    /** An agreement action on a fresh agreement of the side's project, brought to {@code stage} first. */
    private Write action(Side side, String stage, String action, ObjectNode body) {
        String id = workload.intend(side.project(), investor, AMOUNT, DAY);
        if (!stage.equals("INTENDED")) {
            workload.sign(id, AMOUNT, DAY);
        }
        if (stage.equals("STARTED")) {
            workload.start(id, DAY);
        }
        return new Write(json(Service.INVESTMENT, "POST", "/api/v1/agreements/" + id + "/" + action, body),
                "/api/v1/agreements/" + id, null);
    }

    /** A PUT of {@code body} at the version the item is at now. */
    private Write replace(Service service, String path, ObjectNode body) {
        String version = api().get(service, path, tokens().viewer()).expect(200).header("ETag").orElseThrow();
        return new Write(json(service, "PUT", path, body).header("If-Match", version), path, null);
    }

    private String zoneParent(String zone) {
        return api().get(Service.PROJECT, "/api/v1/zones/" + zone, tokens().viewer()).expect(200).json()
                .path("parentCode").asText();
    }

    private String currentStatus(String project) {
        return api().get(Service.PROJECT, "/api/v1/projects/" + project, tokens().viewer()).expect(200).json()
                .path("status").asText();
    }

    private static ObjectNode programmeBody(String code, String zone) {
        return Workload.programmeBody(code, zone, 1, Money.cny("10.00"),
                List.of(new Ledger.Category("other", "Other", 1, Money.cny("10.00"))));
    }

    private static Call json(Service service, String method, String path, Object body) {
        return new Call(service, method, path).json(body);
    }

    /** What the item (or list) looks like to an unscoped viewer, to compare before and after a refused write. */
    private String snapshot(String path) {
        Service service = path.startsWith("/api/v1/agreements") || path.startsWith("/api/v1/investors")
                ? Service.INVESTMENT : Service.PROJECT;
        JsonNode json = api().get(service, path, tokens().viewer()).expect(200).json();
        return json.toString();
    }

    /** The segment before the path's parameter (e.g. {@code zones}), or null for a path without one. */
    private static String kind(Endpoint endpoint) {
        String[] segments = endpoint.path().split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].startsWith("{")) {
                return segments[i - 1];
            }
        }
        return segments.length > 3 && ZONELESS.contains(segments[3]) ? segments[3] : null;
    }

    private static Call call(Endpoint endpoint, Map<String, String> keys, String token) {
        StringBuilder path = new StringBuilder(endpoint.path(keys));
        for (String parameter : endpoint.queryParameters()) {
            if (REQUIRED_QUERY.containsKey(parameter)) {
                path.append(path.indexOf("?") < 0 ? '?' : '&').append(parameter).append('=')
                        .append(REQUIRED_QUERY.get(parameter));
            }
        }
        return new Call(endpoint.service(), endpoint.method(), path.toString()).token(token);
    }
}
