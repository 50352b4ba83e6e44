package org.urbaninvest.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.urbaninvest.systemtests.support.Api.Call;
import org.urbaninvest.systemtests.support.Api.Reply;
import org.urbaninvest.systemtests.support.Endpoints;
import org.urbaninvest.systemtests.support.Endpoints.Endpoint;
import org.urbaninvest.systemtests.support.Ledger;
import org.urbaninvest.systemtests.support.Money;
import org.urbaninvest.systemtests.support.Problems;
import org.urbaninvest.systemtests.support.Reports;
import org.urbaninvest.systemtests.support.RunningSuite;
import org.urbaninvest.systemtests.support.RunningSuite.Service;
import org.urbaninvest.systemtests.support.SystemTest;
import org.urbaninvest.systemtests.support.Workload;

/**
 * Who gets in, for every endpoint the three services declare in their OpenAPI documents (so a new endpoint is
 * covered without touching this test): no token or a bad one (expired, wrong issuer, wrong key, {@code alg: none},
 * tampered, not a JWT, a {@code kid} naming no trusted key or another one, none) → 401; the service token reads zones
 * and projects only; a viewer on a write → 403; an editor on an admin endpoint → 403; the right role
 * gets past the door; the operational endpoints and the dashboard's static files are open, and nothing an
 * anonymous caller can reach carries data.
 */
@Order(30)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlIT extends SystemTest {

    /** Query parameters an endpoint cannot do without, with a value it accepts. */
    private static final Map<String, String> REQUIRED_QUERY = Map.of("metric", "intended");
    /** Query parameters an endpoint cannot do without that name a fixture: endpoint → parameter → fixture kind. */
    private static final Map<String, Map<String, String>> REQUIRED_FIXTURE_QUERY = Map.of(
            "project-service GET /api/v1/oc4ids/project-package", Map.of("zone", "zones"));

    /** Every endpoint that needs a token. */
    private List<Endpoint> endpoints;
    /** The event schemas' endpoints, open to anyone. */
    private List<Endpoint> openEndpoints;
    private final Map<String, String> keys = new LinkedHashMap<>();

    @BeforeAll
    void fixtures() {
        Ledger ledger = new Ledger();
        Workload workload = new Workload(suite(), ledger);
        String zone = workload.zone(Workload.uniqueCode("access-zone"), null, "CITY");
        String programme = workload.programme(Workload.uniqueCode("access-list"), zone, 1, Money.cny("10.00"),
                List.of(new Ledger.Category("other", "Other", 1, Money.cny("10.00"))));
        String project = workload.project(Workload.uniqueCode("access-project"), zone, programme, "other",
                "identification", Money.cny("10.00"));
        String plan = workload.plan(Workload.uniqueCode("access-plan"), zone);
        String investor = workload.investor("Access Control Fixture Ltd");
        String agreement = workload.intend(project, investor, Money.cny("7.00"), LocalDate.parse("2022-07-01"));
        keys.put("zones", zone);
        keys.put("programmes", programme);
        keys.put("projects", project);
        keys.put("plans", plan);
        keys.put("investors", investor);
        keys.put("agreements", agreement);
        // a viewer's reads of the zone's and the programme's reports answer 200 only once reporting-service has
        // consumed their events
        Reports reports = new Reports(suite());
        reports.awaitZone(ledger, zone);
        reports.awaitProgramme(ledger, programme);
        List<Endpoint> all = Endpoints.of(suite());
        endpoints = all.stream().filter(endpoint -> !endpoint.isOpen()).toList();
        openEndpoints = all.stream().filter(Endpoint::isOpen).toList();
    }

    /** The write endpoints as {@code "<service> <METHOD> <path template>"}, for the hostile input corpus. */
    static List<String> writeEndpoints(RunningSuite suite) {
        return Endpoints.of(suite).stream().filter(e -> !e.isRead()).map(Endpoint::toString).toList();
    }

    @Test
    void theOpenApiDocumentsListTheContractsEndpoints() {
        List<String> names = endpoints.stream().map(Endpoint::toString).toList();
        assertThat(names).contains("project-service POST /api/v1/zones", "project-service POST /api/v1/projects/import",
                "investment-service POST /api/v1/agreements/{id}/disbursements",
                "investment-service POST /api/v1/agreements/import",
                "reporting-service GET /api/v1/reports/zones/{code}", "reporting-service POST /api/v1/admin/rebuild");
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void withoutAValidTokenEveryEndpointAnswers401() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("expired", tokens().expired());
        bad.put("wrong issuer", tokens().wrongIssuer());
        bad.put("wrong key", tokens().signedByOtherKey());
        bad.put("alg none", tokens().algNone());
        bad.put("tampered payload", tokens().tampered());
        bad.put("not a JWT", "abc.def.ghi");
        SoftAssertions softly = new SoftAssertions();
        for (Endpoint endpoint : endpoints) {
            Reply anonymous = api().send(call(endpoint, null));
            softly.assertThat(anonymous.status()).as("%s without a token", endpoint).isEqualTo(401);
            softly.check(() -> Problems.assertProblem(anonymous));
            softly.check(() -> assertNoData(anonymous));
            Reply basic = api().send(call(endpoint, null).header("Authorization", "Basic dXNlcjpwYXNz"));
            softly.assertThat(basic.status()).as("%s with Basic credentials", endpoint).isEqualTo(401);
            bad.forEach((kind, token) -> {
                Reply reply = api().send(call(endpoint, token));
                softly.assertThat(reply.status()).as("%s with a token that is %s", endpoint, kind).isEqualTo(401);
                softly.check(() -> assertNoData(reply));
            });
        }
        softly.assertAll();
    }

    @Test
    void eachRoleGetsExactlyWhatItMayDo() {
        String viewer = tokens().viewer();
        String editor = tokens().editor();
        String admin = tokens().admin();
        String nobody = tokens().forRoles("no-roles-user");
        SoftAssertions softly = new SoftAssertions();
        for (Endpoint endpoint : endpoints) {
            softly.assertThat(api().send(call(endpoint, nobody)).status()).as("%s with no role", endpoint)
                    .isEqualTo(403);
            if (endpoint.isAdmin()) {
                softly.assertThat(api().send(call(endpoint, viewer)).status()).as("%s as viewer", endpoint)
                        .isEqualTo(403);
                softly.assertThat(api().send(call(endpoint, editor)).status()).as("%s as editor", endpoint)
                        .isEqualTo(403);
                if (endpoint.isRead()) {
                    softly.assertThat(api().send(call(endpoint, admin)).status()).as("%s as admin", endpoint)
                            .isEqualTo(200);
                }
            } else if (endpoint.isRead()) {
                Reply reply = api().send(call(endpoint, viewer));
                softly.assertThat(reply.status()).as("%s as viewer: %s", endpoint, reply).isEqualTo(200);
            } else {
                Reply viewerWrite = api().send(call(endpoint, viewer));
                softly.assertThat(viewerWrite.status()).as("%s as viewer", endpoint).isEqualTo(403);
                softly.check(() -> Problems.assertProblem(viewerWrite));
                // an editor gets past the door: the empty body is refused as input, not as a role
                Reply editorWrite = api().send(call(endpoint, editor));
                softly.assertThat(editorWrite.status()).as("%s as editor with an empty body: %s", endpoint,
                        editorWrite).isBetween(400, 499).isNotIn(401, 403);
            }
        }
        softly.assertAll();
    }

    /**
     * investment-service's token (the service role, signed with its own key) reads zones and projects and nothing
     * else; signed with that key, a token claiming admin (and not the service role) gets no role at all.
     */
    @Test
    void theServiceTokenReadsZonesAndProjectsOnly() {
        String service = tokens().service();
        String claimingAdmin = tokens().serviceKeyClaimingAdmin();
        SoftAssertions softly = new SoftAssertions();
        for (Endpoint endpoint : endpoints) {
            boolean allowed = endpoint.isRead() && endpoint.service() == Service.PROJECT
                    && (endpoint.path().startsWith("/api/v1/zones") || endpoint.path().startsWith("/api/v1/projects"));
            Reply reply = api().send(call(endpoint, service));
            softly.assertThat(reply.status()).as("%s with the service token: %s", endpoint, reply)
                    .isEqualTo(allowed ? 200 : 403);
            Reply admin = api().send(call(endpoint, claimingAdmin));
            softly.assertThat(admin.status()).as("%s with a token of the service's key claiming admin: %s", endpoint,
                    admin).isEqualTo(403);
        }
        softly.assertAll();
    }

    /** A token must name a trusted key ({@code kid}) and be signed by it: else 401 on every endpoint. */
    @Test
    void aTokenNamingNoTrustedKeyOrAnotherKeyIs401Everywhere() {
        Map<String, String> bad = Map.of("an unknown kid", tokens().unknownKid(), "no kid", tokens().noKid(),
                "another trusted key's kid", tokens().otherTrustedKid());
        SoftAssertions softly = new SoftAssertions();
        for (Endpoint endpoint : endpoints) {
            bad.forEach((kind, token) -> {
                Reply reply = api().send(call(endpoint, token));
                softly.assertThat(reply.status()).as("%s with %s", endpoint, kind).isEqualTo(401);
                softly.check(() -> assertNoData(reply));
            });
        }
        softly.assertAll();
    }

    @Test
    void operationalEndpointsEventSchemasAndTheDashboardAreOpenAndCarryNoData() {
        for (Service service : Service.values()) {
            for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/health/started")) {
                Reply reply = api().send(new Call(service, "GET", path));
                assertThat(reply.status()).as("%s %s without a token", service.id(), path).isEqualTo(200);
                assertThat(reply.json().path("status").asText()).isEqualTo("UP");
            }
            assertThat(api().send(new Call(service, "GET", "/q/metrics")).status()).isEqualTo(200);
            assertThat(api().send(new Call(service, "GET", "/q/openapi")).status()).isEqualTo(200);
        }
        assertThat(openEndpoints).map(Endpoint::toString).containsExactlyInAnyOrder(
                "project-service GET /api/v1/schemas/events/{name}",
                "investment-service GET /api/v1/schemas/events/{name}",
                "reporting-service GET /api/v1/schemas/events/{name}");
        Map<Service, String> produced = Map.of(Service.PROJECT, "zone.registered", Service.INVESTMENT,
                "agreement.intended", Service.REPORTING, "report.zone-summary");
        produced.forEach((service, type) -> {
            Reply schema = api().send(new Call(service, "GET", "/api/v1/schemas/events/" + type));
            assertThat(schema.status()).as("%s's schema of %s without a token", service.id(), type).isEqualTo(200);
            assertThat(schema.contentType()).startsWith("application/schema+json");
            assertNoData(schema);
        });
        Reply page = api().send(new Call(Service.REPORTING, "GET", "/"));
        assertThat(page.status()).as("dashboard without a token").isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertNoData(page);
        // every script and style the page loads is served without a token, and none embeds data
        Matcher assets = Pattern.compile("(?:src|href)=\"([^\"#:]+)\"").matcher(page.body());
        List<String> loaded = new ArrayList<>();
        while (assets.find()) {
            String asset = assets.group(1).startsWith("/") ? assets.group(1) : "/" + assets.group(1);
            Reply reply = api().send(new Call(Service.REPORTING, "GET", asset));
            assertThat(reply.status()).as("%s without a token", asset).isEqualTo(200);
            assertNoData(reply);
            loaded.add(asset);
        }
        assertThat(loaded).as("the dashboard loads its own scripts").isNotEmpty();
    }

    @Test
    void variantsOfTheApiPathsDoNotSlipPastTheDoor() {
        String zone = keys.get("zones");
        List<Call> variants = List.of(
                new Call(Service.PROJECT, "GET", "/api/v1/zones/"),
                new Call(Service.PROJECT, "GET", "//api/v1/zones"),
                new Call(Service.PROJECT, "GET", "/api//v1/zones"),
                new Call(Service.PROJECT, "GET", "/api/v1/./zones/" + zone),
                new Call(Service.PROJECT, "GET", "/q/../api/v1/zones/" + zone),
                new Call(Service.PROJECT, "GET", "/q/%2e%2e/api/v1/zones/" + zone),
                new Call(Service.PROJECT, "GET", "/api/v1/zones;x=y/" + zone),
                new Call(Service.PROJECT, "GET", "/API/v1/zones/" + zone),
                new Call(Service.PROJECT, "GET", "/api/v1/zones/" + zone + "%00"),
                new Call(Service.PROJECT, "GET", "/api/v1/projects?zone=" + zone).header("Accept", "text/csv"),
                new Call(Service.INVESTMENT, "GET", "/api/v1/agreements/" + keys.get("agreements") + "/"),
                new Call(Service.REPORTING, "GET", "/api/v1/reports/zones/" + zone)
                        .header("X-Forwarded-For", "127.0.0.1").header("X-Original-URL", "/q/health"),
                new Call(Service.REPORTING, "GET", "/api/v1/reports/zones").header("Accept", "text/csv"),
                new Call(Service.REPORTING, "GET", "/index.html/../api/v1/reports/zones/" + zone),
                new Call(Service.REPORTING, "GET", "/webjars/../api/v1/reports/catalogue"),
                new Call(Service.REPORTING, "HEAD", "/api/v1/reports/catalogue"),
                new Call(Service.INVESTMENT, "OPTIONS", "/api/v1/agreements"),
                new Call(Service.INVESTMENT, "DELETE", "/api/v1/investors/" + keys.get("investors")));
        SoftAssertions softly = new SoftAssertions();
        for (Call variant : variants) {
            Reply reply = api().send(variant);
            if (variant.method().equals("OPTIONS") && reply.status() == 200) {
                // the framework answers OPTIONS itself with the allowed methods only
                softly.assertThat(reply.body()).as("%s without a token", variant).isBlank();
                continue;
            }
            softly.assertThat(reply.status()).as("%s without a token: %s", variant, reply)
                    .isIn(400, 401, 403, 404, 405);
            softly.check(() -> assertNoData(reply));
        }
        softly.assertAll();
    }

    /**
     * Fails if the answer shows any fixture key (a code or id only a data call would return); a problem's
     * {@code instance} only echoes the path the caller sent, so it is left out.
     */
    private void assertNoData(Reply reply) {
        String body = reply.body() == null ? "" : reply.body();
        if (reply.contentType().startsWith("application/problem+json") && reply.json().isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode problem =
                    (com.fasterxml.jackson.databind.node.ObjectNode) reply.json();
            problem.remove("instance");
            body = problem.toString();
        }
        for (String key : keys.values()) {
            assertThat(body).as("answer of %s carries no data", reply.call()).doesNotContain(key);
        }
        assertThat(body).as("answer of %s carries no list", reply.call()).doesNotContain("\"items\"");
    }

    private Call call(Endpoint endpoint, String token) {
        StringBuilder path = new StringBuilder(endpoint.path(keys));
        Map<String, String> fixtures = REQUIRED_FIXTURE_QUERY.getOrDefault(endpoint.toString(), Map.of());
        for (String parameter : endpoint.queryParameters()) {
            String value = fixtures.containsKey(parameter) ? keys.get(fixtures.get(parameter))
                    : REQUIRED_QUERY.get(parameter);
            if (value != null) {
                path.append(path.indexOf("?") < 0 ? '?' : '&').append(parameter).append('=').append(value);
            }
        }
        Call call = new Call(endpoint.service(), endpoint.method(), path.toString()).token(token);
        String type = endpoint.contentType();
        if (type != null) {
            call.body(type, type.contains("json") ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0]);
        }
        if (endpoint.method().equals("PUT")) {
            call.header("If-Match", "\"1\"");
        }
        return call;
    }
}
