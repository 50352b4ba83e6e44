package org.urbaninvest.systemtests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.urbaninvest.systemtests.support.Api.Reply;
import org.urbaninvest.systemtests.support.RunningSuite.Service;

/**
 * Writes through the REST APIs as an editor and records each accepted write in a {@link Ledger}: a refused write
 * fails the test at once with the request and the answer.
 */
public final class Workload {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Api api;
    private final String editor;
    private final Ledger ledger;

    public Workload(RunningSuite suite, Ledger ledger) {
        this(suite, suite.api(), ledger);
    }

    /** Writes through {@code api}, e.g. one that spreads the calls over every instance. */
    public Workload(RunningSuite suite, Api api, Ledger ledger) {
        this.api = api;
        this.editor = suite.tokens().editor();
        this.ledger = ledger;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** A code no other test (or earlier run on the same store) uses: {@code <prefix>-<random>-<n>}. */
    public static String uniqueCode(String prefix) {
        String random = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36);
        return (prefix + "-" + random + "-" + SEQUENCE.incrementAndGet()).toLowerCase(Locale.ROOT);
    }

    // ---- project-service ----

    public String zone(String code, String parent, String kind) {
        api.post(Service.PROJECT, "/api/v1/zones", editor, zoneBody(code, parent, kind)).expect(201);
        ledger.zone(code, parent);
        return code;
    }

    public static ObjectNode zoneBody(String code, String parent, String kind) {
        ObjectNode body = Api.object();
        body.put("code", code);
        body.put("name", "Zone " + code);
        body.put("kind", kind);
        if (parent != null) {
            body.put("parentCode", parent);
        }
        body.put("areaKm2", new java.math.BigDecimal("88.00"));
        body.put("population", 120000);
        return body;
    }

    /** A programme with categories; each category is {@code code, name, count, amount}. */
    public String programme(String code, String zone, int declaredCount, Money declared,
            List<Ledger.Category> categories) {
        api.post(Service.PROJECT, "/api/v1/programmes", editor, programmeBody(code, zone, declaredCount, declared,
                categories)).expect(201);
        ledger.programme(new Ledger.Programme(code, zone, declaredCount, declared, List.copyOf(categories)));
        return code;
    }

    /** A plan of the zone: an economic aggregate (CNY, SUM) from 2021 to a 2030 target, and a population (NONE). */
    public String plan(String code, String zone) {
        api.post(Service.PROJECT, "/api/v1/plans", editor, planBody(code, zone)).expect(201);
        return code;
    }

    public static ObjectNode planBody(String code, String zone) {
        return (ObjectNode) Api.parse("""
                {"code": "%s", "zoneCode": "%s", "title": "Plan %s",
                 "source": {"title": "Plan released", "issuer": "Government", "date": "2022-10-17", "url": null},
                 "period": {"startDate": "2021-01-01", "endDate": "2035-12-31"},
                 "indicators": [
                   {"code": "economic-aggregate", "name": "Economic aggregate", "unit": "CNY", "aggregation": "SUM",
                    "derivedFrom": null, "baseline": {"year": 2021, "value": "700000000000"},
                    "targets": [{"year": 2030, "value": "1350000000000"}], "observations": []},
                   {"code": "population", "name": "Permanent population", "unit": "persons", "aggregation": "NONE",
                    "derivedFrom": null, "baseline": null, "targets": [], "observations": []}]}"""
                .formatted(code, zone, code));
    }

    public static ObjectNode programmeBody(String code, String zone, int declaredCount, Money declared,
            List<Ledger.Category> categories) {
        ObjectNode body = Api.object();
        body.put("code", code);
        body.put("name", "Opportunity list " + code);
        body.put("zoneCode", zone);
        body.put("publishedOn", "2022-09-19");
        body.set("declared", declared(declaredCount, declared));
        ArrayNode list = body.putArray("categories");
        for (Ledger.Category category : categories) {
            ObjectNode c = list.addObject();
            c.put("code", category.code());
            c.put("name", category.name());
            c.set("declared", declared(category.declaredCount(), category.declared()));
        }
        return body;
    }

    public String project(String code, String zone, String programme, String category, String status,
            Money estimated) {
        api.post(Service.PROJECT, "/api/v1/projects", editor, projectBody(code, zone, programme, category, status,
                estimated)).expect(201);
        ledger.project(code, zone, programme, category, status, estimated);
        return code;
    }

    public static ObjectNode projectBody(String code, String zone, String programme, String category,
            String status, Money estimated) {
        ObjectNode body = Api.object();
        body.put("code", code);
        body.put("name", "Project " + code);
        body.put("zoneCode", zone);
        if (programme != null) {
            body.put("programmeCode", programme);
        }
        if (category != null) {
            body.put("categoryCode", category);
        }
        body.put("status", status);
        body.put("type", "construction");
        body.put("sector", "transport.road");
        body.set("estimatedInvestment", estimated.json());
        body.put("plannedStart", "2022-01-01");
        body.put("plannedCompletion", "2024-12-31");
        return body;
    }

    public void projectStatus(String code, String status) {
        ObjectNode body = Api.object();
        body.put("status", status);
        body.put("reason", "moved by the system tests");
        api.post(Service.PROJECT, "/api/v1/projects/" + code + "/status", editor, body).expect(200);
        ledger.projectStatus(code, status);
    }

    // ---- investment-service ----

    public String investor(String name) {
        ObjectNode body = Api.object();
        body.put("name", name);
        body.put("kind", "PRIVATE");
        body.put("country", "CN");
        return api.post(Service.INVESTMENT, "/api/v1/investors", editor, body).expect(201).json().get("id")
                .asText();
    }

    public String intend(String project, String investor, Money amount, LocalDate on) {
        Reply reply = api.post(Service.INVESTMENT, "/api/v1/agreements", editor,
                intendBody(project, investor, amount, on, null)).expect(201);
        String id = reply.json().get("id").asText();
        ledger.intended(id, project, amount, on);
        return id;
    }

    public static ObjectNode intendBody(String project, String investor, Money amount, LocalDate on,
            String reference) {
        ObjectNode body = Api.object();
        body.put("projectCode", project);
        body.put("investorId", investor);
        body.set("intendedAmount", amount.json());
        body.put("intendedOn", on.toString());
        if (reference != null) {
            body.put("reference", reference);
        }
        return body;
    }

    public JsonNode sign(String id, Money amount, LocalDate on) {
        JsonNode answer = api.post(Service.INVESTMENT, "/api/v1/agreements/" + id + "/sign", editor,
                signBody(amount, on)).expect(200).json();
        ledger.signed(id, amount, on);
        return answer;
    }

    public static ObjectNode signBody(Money amount, LocalDate on) {
        ObjectNode body = Api.object();
        body.set("signedAmount", amount.json());
        body.put("signedOn", on.toString());
        return body;
    }

    public JsonNode start(String id, LocalDate on) {
        JsonNode answer = api.post(Service.INVESTMENT, "/api/v1/agreements/" + id + "/start", editor,
                Api.object().put("startedOn", on.toString())).expect(200).json();
        ledger.moved(id, "STARTED");
        return answer;
    }

    public JsonNode operate(String id, LocalDate on) {
        JsonNode answer = api.post(Service.INVESTMENT, "/api/v1/agreements/" + id + "/operate", editor,
                Api.object().put("operationalOn", on.toString())).expect(200).json();
        ledger.moved(id, "OPERATIONAL");
        return answer;
    }

    public JsonNode withdraw(String id, LocalDate on) {
        JsonNode answer = api.post(Service.INVESTMENT, "/api/v1/agreements/" + id + "/withdraw", editor,
                Api.object().put("withdrawnOn", on.toString()).put("reason", "the investor withdrew")).expect(200)
                .json();
        ledger.moved(id, "WITHDRAWN");
        return answer;
    }

    public JsonNode amend(String id, Money intended, Money signed) {
        ObjectNode body = Api.object();
        if (intended != null) {
            body.set("intendedAmount", intended.json());
        }
        if (signed != null) {
            body.set("signedAmount", signed.json());
        }
        body.put("reason", "revised by the system tests");
        JsonNode answer = api.post(Service.INVESTMENT, "/api/v1/agreements/" + id + "/amend", editor, body)
                .expect(200).json();
        ledger.amended(id, intended, signed);
        return answer;
    }

    public JsonNode disburse(String id, Money amount, LocalDate on) {
        ObjectNode body = Api.object();
        body.set("amount", amount.json());
        body.put("receivedOn", on.toString());
        JsonNode answer = api.post(Service.INVESTMENT, "/api/v1/agreements/" + id + "/disbursements", editor, body)
                .expect(201).json();
        ledger.disbursed(id, amount, on);
        return answer;
    }

    private static ObjectNode declared(int count, Money investment) {
        ObjectNode declared = Api.object();
        declared.put("projectCount", count);
        declared.set("investment", investment.json());
        return declared;
    }
}
