package org.urbaninvest.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.urbaninvest.systemtests.support.Api;
import org.urbaninvest.systemtests.support.Api.Call;
import org.urbaninvest.systemtests.support.Api.Reply;
import org.urbaninvest.systemtests.support.Ledger;
import org.urbaninvest.systemtests.support.Money;
import org.urbaninvest.systemtests.support.Problems;
import org.urbaninvest.systemtests.support.RunningSuite.Service;
import org.urbaninvest.systemtests.support.SystemTest;
import org.urbaninvest.systemtests.support.Workload;

/**
 * Hostile input against every write endpoint of the three services, as a table: malformed and truncated JSON,
 * wrong types, nulls, huge strings and numbers, 10 MB bodies, deep nesting, SQL and script strings, path traversal
 * and Unicode tricks in codes, invalid UUIDs, wrong content types, duplicate keys. Each case must be refused with a
 * 4xx problem+json (never a 5xx, never a stack trace) and leave every store as it was: the list totals and the
 * versions of the aggregates it aimed at do not move. Strings that are valid however hostile they look are stored
 * verbatim and come back as JSON strings.
 */
@Order(20)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT extends SystemTest {

    private static final int MB = 1024 * 1024;
    private static final String ZONES = "/api/v1/zones";
    private static final String PROGRAMMES = "/api/v1/programmes";
    private static final String PROJECTS = "/api/v1/projects";
    private static final String INVESTORS = "/api/v1/investors";
    private static final String AGREEMENTS = "/api/v1/agreements";
    private static final String PLANS = "/api/v1/plans";

    private String zone;
    private String programme;
    private String project;
    private String investor;
    private String agreement;
    private String plan;
    private String editor;

    @BeforeAll
    void fixtures() {
        Workload workload = new Workload(suite(), new Ledger());
        editor = tokens().editor();
        zone = workload.zone(Workload.uniqueCode("hostile-zone"), null, "ECONOMIC_ZONE");
        programme = workload.programme(Workload.uniqueCode("hostile-list"), zone, 1, Money.cny("10.00"),
                List.of(new Ledger.Category("other", "Other", 1, Money.cny("10.00"))));
        project = workload.project(Workload.uniqueCode("hostile-project"), zone, programme, "other",
                "identification", Money.cny("10.00"));
        investor = workload.investor("Hostile Input Fixture Ltd");
        agreement = workload.intend(project, investor, Money.cny("5.00"), LocalDate.parse("2022-07-01"));
        plan = workload.plan(Workload.uniqueCode("hostile-plan"), zone);
    }

    /** One row of the table: a request and the statuses it may get (all 4xx). */
    record Case(String name, Service service, String method, Supplier<String> path, String contentType,
            Supplier<byte[]> body, Set<Integer> expected, String ifMatch, boolean chunked) {
        Case(String name, Service service, String method, Supplier<String> path, String contentType,
                Supplier<byte[]> body, Set<Integer> expected) {
            this(name, service, method, path, contentType, body, expected, null, false);
        }

        Case(String name, Service service, String method, Supplier<String> path, String contentType,
                Supplier<byte[]> body, Set<Integer> expected, String ifMatch) {
            this(name, service, method, path, contentType, body, expected, ifMatch, false);
        }

        Case streamed() {
            return new Case(name, service, method, path, contentType, body, expected, ifMatch, true);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Arguments> corpus() {
        List<Case> cases = new ArrayList<>();
        Supplier<String> zones = () -> ZONES;
        Supplier<String> zoneItem = () -> ZONES + "/" + zone;
        Supplier<String> programmes = () -> PROGRAMMES;
        Supplier<String> programmeItem = () -> PROGRAMMES + "/" + programme;
        Supplier<String> projects = () -> PROJECTS;
        Supplier<String> projectItem = () -> PROJECTS + "/" + project;
        Supplier<String> status = () -> PROJECTS + "/" + project + "/status";
        Supplier<String> importCsv = () -> PROJECTS + "/import";
        Supplier<String> investors = () -> INVESTORS;
        Supplier<String> investorItem = () -> INVESTORS + "/" + investor;
        Supplier<String> agreements = () -> AGREEMENTS;
        Supplier<String> sign = () -> AGREEMENTS + "/" + agreement + "/sign";
        Supplier<String> start = () -> AGREEMENTS + "/" + agreement + "/start";
        Supplier<String> operate = () -> AGREEMENTS + "/" + agreement + "/operate";
        Supplier<String> withdraw = () -> AGREEMENTS + "/" + agreement + "/withdraw";
        Supplier<String> amend = () -> AGREEMENTS + "/" + agreement + "/amend";
        Supplier<String> disburse = () -> AGREEMENTS + "/" + agreement + "/disbursements";
        Supplier<String> agreementImport = () -> AGREEMENTS + "/import";
        Supplier<String> plans = () -> PLANS;
        Supplier<String> planItem = () -> PLANS + "/" + plan;
        Supplier<String> observations = () -> PLANS + "/" + plan + "/observations";
        Set<Integer> bad = Set.of(400);

        // malformed and truncated JSON
        cases.add(raw("truncated zone", Service.PROJECT, "POST", zones,
                "{\"code\": \"trunc-zone\", \"name\": \"T", bad));
        cases.add(raw("not JSON at all (zone)", Service.PROJECT, "POST", zones, "code=x&name=y", bad));
        cases.add(raw("array instead of object (investor)", Service.INVESTMENT, "POST", investors, "[]", bad));
        cases.add(raw("empty body (agreement)", Service.INVESTMENT, "POST", agreements, "", bad));
        cases.add(raw("literal null (project)", Service.PROJECT, "POST", projects, "null", bad));
        cases.add(raw("trailing garbage (programme)", Service.PROJECT, "POST", programmes,
                () -> programmeBody(b -> { }) + "}}", bad));
        cases.add(raw("single quotes (sign)", Service.INVESTMENT, "POST", sign,
                "{'signedAmount': {'amount': '1.00', 'currency': 'CNY'}, 'signedOn': '2022-08-01'}", bad));
        cases.add(raw("comment in JSON (withdraw)", Service.INVESTMENT, "POST", withdraw,
                "{/* hi */ \"withdrawnOn\": \"2022-08-01\", \"reason\": \"x\"}", bad));
        cases.add(raw("truncated disbursement", Service.INVESTMENT, "POST", disburse,
                "{\"amount\": {\"amount\": \"1.00\", \"currency\":", bad));
        cases.add(raw("invalid UTF-8 bytes (investor)", Service.INVESTMENT, "POST", investors,
                () -> concat("{\"name\": \"", new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
                        "\", \"kind\": \"PRIVATE\"}"),
                bad));

        // wrong types
        cases.add(json("code as a number", Service.PROJECT, "POST", zones,
                () -> zoneBody(b -> b.put("code", 123)), bad));
        cases.add(json("kind as an object", Service.PROJECT, "POST", zones,
                () -> zoneBody(b -> b.putObject("kind").put("value", "CITY")), bad));
        cases.add(json("population as words", Service.PROJECT, "POST", zones,
                () -> zoneBody(b -> b.put("population", "lots")), bad));
        cases.add(json("amount as a boolean", Service.PROJECT, "POST", projects,
                () -> projectBody(b -> obj(b, "estimatedInvestment").put("amount", true)), bad));
        cases.add(json("investorId as a number", Service.INVESTMENT, "POST", agreements,
                () -> intendBody(b -> b.put("investorId", 42)), bad));
        cases.add(json("date in words", Service.INVESTMENT, "POST", agreements,
                () -> intendBody(b -> b.put("intendedOn", "yesterday")), bad));
        cases.add(json("impossible date", Service.INVESTMENT, "POST", sign,
                () -> Workload.signBody(Money.cny("1.00"), LocalDate.parse("2022-08-01")).put("signedOn", "2022-13-45"),
                bad));
        cases.add(json("projectCount as words", Service.PROJECT, "POST", programmes,
                () -> programmeBody(b -> obj(b, "declared").put("projectCount", "three")), bad));
        cases.add(json("status as a number", Service.PROJECT, "POST", status,
                () -> Api.object().put("status", 7), bad));
        cases.add(json("status not in the list", Service.PROJECT, "POST", status,
                () -> Api.object().put("status", "demolished"), bad));
        cases.add(json("startedOn as an array", Service.INVESTMENT, "POST", start,
                () -> { ObjectNode b = Api.object(); b.putArray("startedOn").add("2022-08-01"); return b; }, bad));
        cases.add(json("kind not in the list", Service.INVESTMENT, "POST", investors,
                () -> investorBody(b -> b.put("kind", "PIRATE")), bad));

        // nulls
        cases.add(json("null name", Service.PROJECT, "POST", zones, () -> zoneBody(b -> b.putNull("name")), bad));
        cases.add(json("null estimatedInvestment", Service.PROJECT, "POST", projects,
                () -> projectBody(b -> b.putNull("estimatedInvestment")), bad));
        cases.add(json("null intendedAmount", Service.INVESTMENT, "POST", agreements,
                () -> intendBody(b -> b.putNull("intendedAmount")), bad));
        cases.add(json("null disbursement amount", Service.INVESTMENT, "POST", disburse,
                () -> Api.object().putNull("amount").put("receivedOn", "2022-08-01"), bad));
        cases.add(json("null reason", Service.INVESTMENT, "POST", withdraw,
                () -> Api.object().put("withdrawnOn", "2022-08-01").putNull("reason"), bad));
        cases.add(json("null categories", Service.PROJECT, "POST", programmes,
                () -> programmeBody(b -> b.putNull("categories")), bad));
        cases.add(json("null currency", Service.INVESTMENT, "POST", amend,
                () -> { ObjectNode b = Api.object().put("reason", "x");
                    b.putObject("intendedAmount").put("amount", "6.00").putNull("currency"); return b; }, bad));
        cases.add(json("null operationalOn", Service.INVESTMENT, "POST", operate,
                () -> Api.object().putNull("operationalOn"), bad));

        // huge strings and numbers
        cases.add(json("name of 100,000 characters", Service.PROJECT, "POST", zones,
                () -> zoneBody(b -> b.put("name", "x".repeat(100_000))), bad));
        cases.add(json("description of 20,000 characters", Service.PROJECT, "PUT", projectItem,
                () -> projectBody(b -> b.put("description", "d".repeat(20_000)).remove("code")), bad, "\"1\""));
        cases.add(json("reason of 5,000 characters", Service.INVESTMENT, "POST", amend,
                () -> { ObjectNode b = Api.object().put("reason", "r".repeat(5_000));
                    b.set("intendedAmount", Money.cny("6.00").json()); return b; }, bad));
        cases.add(json("amount with 20 integer digits", Service.INVESTMENT, "POST", agreements,
                () -> intendBody(b -> obj(b, "intendedAmount").put("amount", "12345678901234567890.00")), bad));
        cases.add(raw("amount 1e400", Service.INVESTMENT, "POST", agreements,
                () -> Api.write(intendBody(b -> { })).replace("\"5.00\"", "1e400"), bad));
        cases.add(json("amount with 3 decimals", Service.INVESTMENT, "POST", disburse,
                () -> Api.object().put("receivedOn", "2022-08-01").set("amount", Money.cny("1.00").json()
                        .put("amount", "1.001")), bad));
        cases.add(json("negative amount", Service.PROJECT, "POST", projects,
                () -> projectBody(b -> obj(b, "estimatedInvestment").put("amount", "-5.00")), bad));
        cases.add(json("amount NaN", Service.INVESTMENT, "POST", agreements,
                () -> intendBody(b -> obj(b, "intendedAmount").put("amount", "NaN")), bad));
        cases.add(raw("population 1e30", Service.PROJECT, "POST", zones,
                () -> Api.write(zoneBody(b -> b.put("population", 7)))
                        .replace("\"population\":7", "\"population\":1e30"),
                bad));
        cases.add(raw("projectCount beyond int", Service.PROJECT, "POST", programmes,
                () -> Api.write(programmeBody(b -> obj(b, "declared").put("projectCount", 7)))
                        .replace("\"projectCount\":7", "\"projectCount\":99999999999999999999"), bad));
        cases.add(raw("areaKm2 1e309", Service.PROJECT, "PUT", zoneItem,
                () -> Api.write(zonePut(b -> b.put("areaKm2", 7))).replace("\"areaKm2\":7", "\"areaKm2\":1e309"),
                bad, "\"1\""));
        cases.add(json("currency that is not ISO 4217", Service.INVESTMENT, "POST", agreements,
                () -> intendBody(b -> obj(b, "intendedAmount").put("currency", "XYZZY")), bad));

        // 10 MB bodies
        cases.add(raw("10 MB zone", Service.PROJECT, "POST", zones,
                () -> Api.write(zoneBody(b -> b.put("description", "z".repeat(10 * MB)))), Set.of(413)));
        cases.add(raw("10 MB agreement", Service.INVESTMENT, "POST", agreements,
                () -> Api.write(intendBody(b -> b.put("reference", "a".repeat(10 * MB)))), Set.of(413)));
        cases.add(new Case("10 MB CSV import of one huge cell", Service.PROJECT, "POST", importCsv, "text/csv",
                () -> ("code,name,zoneCode,programmeCode,categoryCode,status,sector,estimatedAmount,currency,"
                        + "plannedStart,plannedCompletion\nhuge-" + "n".repeat(10 * MB) + ",x," + zone
                        + ",,,identification,,1.00,CNY,,\n").getBytes(StandardCharsets.UTF_8),
                Set.of(400, 413, 422)));

        cases.add(raw("10 MB zone sent chunked (no Content-Length)", Service.PROJECT, "POST", zones,
                () -> Api.write(zoneBody(b -> b.put("description", "c".repeat(10 * MB)))), Set.of(400, 413))
                .streamed());
        cases.add(raw("10 MB body to the rebuild", Service.REPORTING, "POST", () -> "/api/v1/admin/rebuild",
                () -> "{\"x\":\"" + "r".repeat(10 * MB) + "\"}", Set.of(413)));

        // deep nesting
        cases.add(raw("10,000 nested arrays", Service.PROJECT, "POST", zones,
                () -> "{\"code\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}", bad));
        cases.add(raw("5,000 nested objects in an amount", Service.INVESTMENT, "POST", agreements,
                () -> "{\"intendedAmount\":" + "{\"amount\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}", bad));

        // SQL injection and script strings where the format forbids them
        cases.add(json("SQL in a code", Service.PROJECT, "POST", zones,
                () -> zoneBody(b -> b.put("code", "x'; DROP TABLE zone;--")), bad));
        cases.add(json("SQL in a parentCode", Service.PROJECT, "POST", zones,
                () -> zoneBody(b -> b.put("parentCode", "' OR '1'='1")), bad));
        cases.add(json("script in a project code", Service.PROJECT, "POST", projects,
                () -> projectBody(b -> b.put("code", "<script>alert(1)</script>")), bad));
        cases.add(json("SQL in a country", Service.INVESTMENT, "POST", investors,
                () -> investorBody(b -> b.put("country", "CN' OR 1=1--")), bad));
        cases.add(json("script in a sector", Service.PROJECT, "POST", projects,
                () -> projectBody(b -> b.put("sector", "<img src=x onerror=alert(1)>")), bad));

        // path traversal and Unicode tricks in codes
        cases.add(json("../etc as a code", Service.PROJECT, "POST", zones,
                () -> zoneBody(b -> b.put("code", "../etc")), bad));
        cases.add(json("%2e%2e as a code", Service.PROJECT, "POST", programmes,
                () -> programmeBody(b -> b.put("code", "%2e%2e")), bad));
        cases.add(json("fullwidth letters in a code", Service.PROJECT, "POST", zones,
                () -> zoneBody(b -> b.put("code", "ｃａｉｊｉａ")), bad));
        cases.add(json("zero-width space in a code", Service.PROJECT, "POST", projects,
                () -> projectBody(b -> b.put("code", "cai\u200Bjia-" + Workload.uniqueCode("zw"))), bad));
        cases.add(json("right-to-left override in a code", Service.PROJECT, "POST", zones,
                () -> zoneBody(b -> b.put("code", "caijia\u202Egpj.exe")), bad));
        cases.add(json("Cyrillic look-alikes in a code", Service.PROJECT, "POST", zones,
                () -> zoneBody(b -> b.put("code", "\u0441\u0430ijia")), bad));
        cases.add(json("NUL byte in a code", Service.PROJECT, "POST", zones,
                () -> zoneBody(b -> b.put("code", "cai\u0000jia")), bad));
        cases.add(json("trailing newline in a code", Service.PROJECT, "POST", programmes,
                () -> programmeBody(b -> b.put("code", Workload.uniqueCode("nl") + "\n")), bad));
        cases.add(json("traversal in projectCode", Service.INVESTMENT, "POST", agreements,
                () -> intendBody(b -> b.put("projectCode", "../../" + project)), bad));
        cases.add(json("Unicode category code", Service.PROJECT, "POST", programmes,
                () -> programmeBody(b -> ((ObjectNode) b.withArray("categories").get(0)).put("code", "öther")), bad));
        cases.add(json("traversal in the path (zone)", Service.PROJECT, "PUT",
                () -> ZONES + "/..%2F..%2Fetc%2Fpasswd", () -> zonePut(b -> { }), Set.of(400, 404),
                "\"1\""));
        cases.add(json("dot segments in the path (status)", Service.PROJECT, "POST",
                () -> PROJECTS + "/%2e%2e/status", () -> Api.object().put("status", "preparation"),
                Set.of(400, 404, 405)));
        cases.add(json("fullwidth code in the path", Service.PROJECT, "POST",
                () -> PROJECTS + "/%EF%BD%83%EF%BD%81/status", () -> Api.object().put("status", "preparation"),
                Set.of(400, 404)));

        // invalid UUIDs
        cases.add(json("investorId not a UUID", Service.INVESTMENT, "POST", agreements,
                () -> intendBody(b -> b.put("investorId", "not-a-uuid")), bad));
        cases.add(json("agreement id not a UUID", Service.INVESTMENT, "POST",
                () -> AGREEMENTS + "/not-a-uuid/sign", () -> Workload.signBody(Money.cny("1.00"),
                        LocalDate.parse("2022-08-01")), Set.of(400, 404)));
        cases.add(json("investor id with SQL", Service.INVESTMENT, "PUT",
                () -> INVESTORS + "/1%27%20OR%20%271%27=%271", () -> investorBody(b -> { }), Set.of(400, 404)));
        cases.add(json("UUID with trailing garbage", Service.INVESTMENT, "POST",
                () -> AGREEMENTS + "/" + agreement + "x/start", () -> Api.object().put("startedOn", "2022-08-01"),
                Set.of(400, 404)));
        cases.add(json("unknown agreement", Service.INVESTMENT, "POST",
                () -> AGREEMENTS + "/00000000-0000-0000-0000-000000000000/disbursements",
                () -> Api.object().put("receivedOn", "2022-08-01").set("amount", Money.cny("1.00").json()),
                Set.of(404)));
        cases.add(json("unknown investor", Service.INVESTMENT, "POST", agreements,
                () -> intendBody(b -> b.put("investorId", "00000000-0000-0000-0000-000000000000")), Set.of(422)));

        // wrong content types
        cases.add(new Case("text/plain zone", Service.PROJECT, "POST", zones, "text/plain",
                () -> bytes(zoneBody(b -> { })), Set.of(415)));
        cases.add(new Case("XML investor", Service.INVESTMENT, "POST", investors, "application/xml",
                () -> "<investor><name>x</name></investor>".getBytes(StandardCharsets.UTF_8), Set.of(415)));
        cases.add(new Case("no content type and not JSON (agreement)", Service.INVESTMENT, "POST", agreements, null,
                () -> "projectCode=x&amount=1".getBytes(StandardCharsets.UTF_8), Set.of(415)));
        cases.add(new Case("no content type, a valid JSON zone", Service.PROJECT, "POST", zones, null,
                () -> bytes(zoneBody(b -> { })), Set.of(415)));
        cases.add(new Case("CSV sent to the JSON endpoint", Service.PROJECT, "POST", projects, "text/csv",
                () -> "code,name\nx,y\n".getBytes(StandardCharsets.UTF_8), Set.of(415)));
        cases.add(new Case("JSON sent to the CSV import", Service.PROJECT, "POST", importCsv, "application/json",
                () -> bytes(projectBody(b -> { })), Set.of(415)));
        cases.add(new Case("form data to disbursements", Service.INVESTMENT, "POST", disburse,
                "multipart/form-data; boundary=x", () -> "--x\r\n\r\nhi\r\n--x--\r\n".getBytes(StandardCharsets.UTF_8),
                Set.of(415)));

        // duplicate keys and unknown fields
        cases.add(raw("duplicate code key", Service.PROJECT, "POST", zones,
                () -> Api.write(zoneBody(b -> { })).replaceFirst("\\{", "{\"code\":\"" + Workload.uniqueCode("dup")
                        + "\","), bad));
        cases.add(raw("duplicate amount inside Money", Service.INVESTMENT, "POST", agreements,
                () -> Api.write(intendBody(b -> { })).replace("\"amount\":\"5.00\"",
                        "\"amount\":\"5.00\",\"amount\":\"500000.00\""), bad));
        cases.add(raw("duplicate reason", Service.INVESTMENT, "POST", withdraw,
                "{\"withdrawnOn\":\"2022-08-01\",\"reason\":\"a\",\"reason\":\"b\"}", bad));
        cases.add(json("unknown field admin", Service.INVESTMENT, "POST", investors,
                () -> investorBody(b -> b.put("admin", true)), bad));
        cases.add(json("version in a PUT body", Service.INVESTMENT, "PUT", investorItem,
                () -> investorBody(b -> b.put("version", 99)), bad));

        // valid shape, refused by the rules (nothing may change)
        cases.add(json("invalid credit code check character", Service.INVESTMENT, "POST", investors,
                () -> investorBody(b -> b.put("creditCode", "91140100MA0GRXXX1X")), bad));
        cases.add(json("start before signing", Service.INVESTMENT, "POST", start,
                () -> Api.object().put("startedOn", "2022-08-01"), Set.of(409)));
        cases.add(json("withdrawn before intended", Service.INVESTMENT, "POST", withdraw,
                () -> Api.object().put("withdrawnOn", "1999-01-01").put("reason", "x"), bad));
        cases.add(json("signed before intended", Service.INVESTMENT, "POST", sign,
                () -> Workload.signBody(Money.cny("1.00"), LocalDate.parse("1999-01-01")), bad));
        cases.add(json("amend in another currency", Service.INVESTMENT, "POST", amend,
                () -> { ObjectNode b = Api.object().put("reason", "x");
                    b.set("intendedAmount", Money.usd("6.00").json()); return b; }, bad));
        cases.add(json("stale If-Match", Service.PROJECT, "PUT", zoneItem, () -> zonePut(b -> { }),
                Set.of(412), "\"99\""));
        cases.add(json("garbage If-Match", Service.PROJECT, "PUT", programmeItem,
                () -> programmeBody(b -> b.remove("code")), Set.of(400, 412), "\"; DROP TABLE programme;--\""));
        cases.add(json("PUT without If-Match", Service.PROJECT, "PUT", projectItem,
                () -> projectBody(b -> b.remove("code")), Set.of(428)));
        cases.add(json("investor PUT without If-Match", Service.INVESTMENT, "PUT", investorItem,
                () -> investorBody(b -> b.put("name", "Unguarded investor")), Set.of(428)));
        cases.add(json("stale If-Match (investor)", Service.INVESTMENT, "PUT", investorItem,
                () -> investorBody(b -> b.put("name", "Stale investor")), Set.of(412), "\"99\""));
        cases.add(json("unknown parent zone", Service.PROJECT, "POST", zones,
                () -> zoneBody(b -> b.put("parentCode", Workload.uniqueCode("nowhere"))), Set.of(422)));
        cases.add(json("re-parent a zone under itself", Service.PROJECT, "PUT", zoneItem,
                () -> zonePut(b -> b.put("parentCode", zone)), Set.of(409), "\"1\""));
        cases.add(new Case("CSV import with unbalanced quotes", Service.PROJECT, "POST", importCsv, "text/csv",
                () -> ("code,name,zoneCode,programmeCode,categoryCode,status,sector,estimatedAmount,currency,"
                        + "plannedStart,plannedCompletion\n" + Workload.uniqueCode("q") + ",\"unterminated," + zone
                        + ",,,identification,,1.00,CNY,,\n").getBytes(StandardCharsets.UTF_8), Set.of(400, 422)));
        cases.add(new Case("CSV import with a formula and an unknown zone", Service.PROJECT, "POST", importCsv,
                "text/csv", () -> ("code,name,zoneCode,programmeCode,categoryCode,status,sector,estimatedAmount,"
                        + "currency,plannedStart,plannedCompletion\n" + Workload.uniqueCode("f")
                        + ",\"=cmd|' /C calc'!A0\",../etc,,,identification,,1.00,CNY,,\n")
                        .getBytes(StandardCharsets.UTF_8), Set.of(400, 422)));
        cases.add(new Case("CSV import without a header", Service.PROJECT, "POST", importCsv, "text/csv",
                () -> (Workload.uniqueCode("h") + ",x," + zone + ",,,identification,,1.00,CNY,,\n")
                        .getBytes(StandardCharsets.UTF_8), Set.of(400, 422)));

        // the agreement import: all or nothing
        String importHeader = "record,investorId,reference,projectCode,stage,intendedAmount,intendedCurrency,intendedOn\n";
        cases.add(new Case("JSON sent to the agreement import", Service.INVESTMENT, "POST", agreementImport,
                "application/json", () -> bytes(intendBody(b -> { })), Set.of(415)));
        cases.add(new Case("agreement import without a header", Service.INVESTMENT, "POST", agreementImport,
                "text/csv", () -> ("agreement," + investor + "," + Workload.uniqueCode("h") + "," + project
                        + ",INTENDED,1.00,CNY,2022-07-01\n").getBytes(StandardCharsets.UTF_8), Set.of(400, 422)));
        cases.add(new Case("agreement import: one good line, one unknown stage", Service.INVESTMENT, "POST",
                agreementImport, "text/csv", () -> (importHeader + "agreement," + investor + ","
                        + Workload.uniqueCode("g") + "," + project + ",INTENDED,1.00,CNY,2022-07-01\nagreement,"
                        + investor + "," + Workload.uniqueCode("s") + "," + project + ",APPROVED,1.00,CNY,2022-07-01\n")
                        .getBytes(StandardCharsets.UTF_8), Set.of(422)));
        cases.add(new Case("agreement import with unbalanced quotes", Service.INVESTMENT, "POST", agreementImport,
                "text/csv", () -> (importHeader + "agreement," + investor + ",\"open," + project
                        + ",INTENDED,1.00,CNY,2022-07-01\n").getBytes(StandardCharsets.UTF_8), Set.of(400, 422)));

        // plans: exact decimals as strings, targets inside the period, the concurrency rule
        cases.add(json("plan value as a JSON number", Service.PROJECT, "POST", plans,
                () -> planBody(b -> indicator(b, 0).set("baseline", Api.object().put("year", 2021)
                        .put("value", 700000000000L))), bad));
        cases.add(json("plan target after the period", Service.PROJECT, "POST", plans,
                () -> planBody(b -> ((ObjectNode) indicator(b, 0).get("targets").get(0)).put("year", 2099)), bad));
        cases.add(json("derived indicator with observations", Service.PROJECT, "POST", plans,
                () -> planBody(b -> indicator(b, 0).put("derivedFrom", "signed-investment").set("observations",
                        Api.parse("[{\"date\": \"2023-12-31\", \"value\": \"1\", \"source\": null}]"))), bad));
        cases.add(json("plan in an unknown zone", Service.PROJECT, "POST", plans,
                () -> planBody(b -> b.put("zoneCode", Workload.uniqueCode("nowhere"))), Set.of(422)));
        cases.add(json("plan PUT without If-Match", Service.PROJECT, "PUT", planItem,
                () -> Workload.planBody(plan, zone).put("title", "Unguarded plan"), Set.of(428)));
        cases.add(json("stale If-Match (plan)", Service.PROJECT, "PUT", planItem,
                () -> Workload.planBody(plan, zone).put("title", "Stale plan"), Set.of(412), "\"99\""));
        cases.add(raw("truncated observations", Service.PROJECT, "POST", observations,
                "{\"indicatorCode\": \"population\", \"observations\": [{\"date\": \"2023-", bad));
        cases.add(json("observation value with an exponent", Service.PROJECT, "POST", observations,
                () -> Api.parse("{\"indicatorCode\": \"population\", \"observations\": [{\"date\": \"2023-12-31\","
                        + " \"value\": \"1.2e7\", \"source\": null}]}"), bad));
        cases.add(json("observation of an unknown indicator", Service.PROJECT, "POST", observations,
                () -> Api.parse("{\"indicatorCode\": \"nothing\", \"observations\": [{\"date\": \"2023-12-31\","
                        + " \"value\": \"1\", \"source\": null}]}"), Set.of(422)));

        // reporting-service takes no body; its one write and its parameters
        cases.add(new Case("dot segments after rebuild", Service.REPORTING, "POST",
                () -> "/api/v1/admin/rebuild/%2e%2e%2f%2e%2e", null, () -> null, Set.of(404, 405)));
        cases.add(new Case("PUT on rebuild", Service.REPORTING, "PUT", () -> "/api/v1/admin/rebuild",
                "application/json", () -> "{}".getBytes(StandardCharsets.UTF_8), Set.of(405)));
        cases.add(new Case("page size 100,000", Service.REPORTING, "GET", () -> "/api/v1/reports/zones?size=100000",
                null, () -> null, bad));
        cases.add(new Case("script as a metric", Service.REPORTING, "GET",
                () -> "/api/v1/reports/zones/" + zone + "/timeseries?metric=%3Cscript%3Ealert(1)%3C/script%3E",
                null, () -> null, bad));
        cases.add(new Case("traversal as a report zone", Service.REPORTING, "GET",
                () -> "/api/v1/reports/zones/..%2F..%2Fetc%2Fpasswd", null, () -> null, Set.of(400, 404)));
        return cases.stream().map(c -> Arguments.of(c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithAProblemAndChangesNothing(Case hostile) {
        Map<String, Object> before = state();
        Call call = new Call(hostile.service(), hostile.method(), hostile.path().get()).token(
                hostile.service() == Service.REPORTING ? tokens().admin() : editor);
        byte[] body = hostile.body().get();
        if (hostile.ifMatch() != null) {
            call.header("If-Match", hostile.ifMatch());
        }
        if (body != null || hostile.contentType() != null) {
            call.body(hostile.contentType(), body == null ? new byte[0] : body);
        }
        if (hostile.chunked()) {
            call.chunked();
        }
        Reply reply = api().send(call);
        assertThat(reply.status()).as("%s: %s", hostile.name(), reply).isBetween(400, 499);
        assertThat(hostile.expected()).as("%s: %s", hostile.name(), reply).contains(reply.status());
        Problems.assertProblem(reply);
        assertThat(state()).as("%s changed nothing", hostile.name()).isEqualTo(before);
    }

    @Test
    void theCorpusCoversEveryWriteEndpointWithAtLeastSixtyCases() {
        List<Case> cases = corpus().map(a -> (Case) a.get()[0]).toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        Set<String> covered = new java.util.HashSet<>();
        for (Case c : cases) {
            String path = c.path().get().replace(plan, "{code}").replace(zone, "{code}")
                    .replace(programme, "{code}").replace(project, "{code}").replace(investor, "{id}").replace(agreement, "{id}");
            covered.add(c.service().id() + " " + c.method() + " " + path);
        }
        for (String endpoint : AccessControlIT.writeEndpoints(suite())) {
            assertThat(covered).as("hostile cases for %s", endpoint).contains(endpoint);
        }
    }

    /** Valid strings that look hostile are data: stored verbatim, answered as JSON strings, never interpreted. */
    @Test
    void hostileLookingValidStringsAreStoredVerbatim() {
        List<String> strings = List.of("Robert'); DROP TABLE zone;--", "<script>alert('x')</script>",
                "\" OR \"\"=\"", "{{7*7}} ${7*7} #{7*7}", "../../etc/passwd", "\u202Egnp.exe",
                "名称 \uD83D\uDE80 tab\tand\nnewline inside", "=HYPERLINK(\"http://x\")");
        String viewer = tokens().viewer();
        for (String text : strings) {
            String code = Workload.uniqueCode("verbatim");
            ObjectNode body = zoneBody(b -> b.put("code", code).put("name", text).put("description", text));
            api().post(Service.PROJECT, ZONES, editor, body).expect(201);
            Reply zoneReply = api().get(Service.PROJECT, ZONES + "/" + code, viewer).expect(200);
            assertThat(zoneReply.contentType()).startsWith("application/json");
            assertThat(zoneReply.json().path("name").asText()).isEqualTo(text);
            assertThat(zoneReply.json().path("description").asText()).isEqualTo(text);

            Reply investorReply = api().post(Service.INVESTMENT, INVESTORS, editor, investorBody(b -> b.put("name",
                    text))).expect(201);
            assertThat(investorReply.contentType()).startsWith("application/json");
            assertThat(investorReply.json().path("name").asText()).isEqualTo(text);
            String id = investorReply.json().path("id").asText();
            String agreementId = api().post(Service.INVESTMENT, AGREEMENTS, editor,
                    Workload.intendBody(project, id, Money.cny("1.00"), LocalDate.parse("2022-07-01"), text))
                    .expect(201).json().path("id").asText();
            JsonNode stored = api().get(Service.INVESTMENT, AGREEMENTS + "/" + agreementId, viewer).expect(200)
                    .json();
            assertThat(stored.path("reference").asText()).isEqualTo(text);
        }
        // nothing was dropped or rewritten by a string: every store still lists and reads
        assertThat(state()).containsKeys("zones", "programmes", "projects", "investors", "agreements");
    }

    /** The list totals of every store and the versions of the fixtures. */
    private Map<String, Object> state() {
        String viewer = tokens().viewer();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("zones", total(Service.PROJECT, ZONES, viewer));
        state.put("programmes", total(Service.PROJECT, PROGRAMMES, viewer));
        state.put("projects", total(Service.PROJECT, PROJECTS, viewer));
        state.put("investors", total(Service.INVESTMENT, INVESTORS, viewer));
        state.put("agreements", total(Service.INVESTMENT, AGREEMENTS, viewer));
        state.put("plans", total(Service.PROJECT, PLANS, viewer));
        state.put("plan", api().get(Service.PROJECT, PLANS + "/" + plan, viewer).expect(200).json());
        state.put("zone", version(Service.PROJECT, ZONES + "/" + zone, viewer));
        state.put("programme", version(Service.PROJECT, PROGRAMMES + "/" + programme, viewer));
        state.put("project", version(Service.PROJECT, PROJECTS + "/" + project, viewer));
        state.put("investor", version(Service.INVESTMENT, INVESTORS + "/" + investor, viewer));
        JsonNode a = api().get(Service.INVESTMENT, AGREEMENTS + "/" + agreement, viewer).expect(200).json();
        state.put("agreement", a.path("version").asLong() + " " + a.path("stage").asText() + " "
                + a.path("intendedAmount") + " " + a.path("disbursements").size());
        return state;
    }

    private long total(Service service, String path, String token) {
        return api().get(service, path + "?size=1", token).expect(200).json().path("total").asLong();
    }

    private long version(Service service, String path, String token) {
        return api().get(service, path, token).expect(200).json().path("version").asLong();
    }

    // ---- valid bodies, each changed by one hostile edit ----

    private ObjectNode zoneBody(Consumer<ObjectNode> edit) {
        ObjectNode body = Api.object();
        body.put("code", Workload.uniqueCode("hz"));
        body.put("name", "Hostile zone");
        body.put("kind", "INDUSTRIAL_PARK");
        body.put("parentCode", zone);
        edit.accept(body);
        return body;
    }

    private ObjectNode programmeBody(Consumer<ObjectNode> edit) {
        ObjectNode body = Api.object();
        body.put("code", Workload.uniqueCode("hp"));
        body.put("name", "Hostile list");
        body.put("zoneCode", zone);
        body.put("publishedOn", "2022-09-19");
        ObjectNode declared = body.putObject("declared");
        declared.put("projectCount", 1);
        declared.set("investment", Money.cny("1.00").json());
        ObjectNode category = body.putArray("categories").addObject();
        category.put("code", "other");
        category.put("name", "Other");
        category.set("declared", declared.deepCopy());
        edit.accept(body);
        return body;
    }

    private ObjectNode projectBody(Consumer<ObjectNode> edit) {
        ObjectNode body = Workload.projectBody(Workload.uniqueCode("hj"), zone, programme, "other", "identification",
                Money.cny("10.00"));
        edit.accept(body);
        return body;
    }

    private ObjectNode investorBody(Consumer<ObjectNode> edit) {
        ObjectNode body = Api.object().put("name", "Hostile investor").put("kind", "PRIVATE").put("country", "CN");
        edit.accept(body);
        return body;
    }

    private ObjectNode intendBody(Consumer<ObjectNode> edit) {
        ObjectNode body = Workload.intendBody(project, investor, Money.cny("5.00"), LocalDate.parse("2022-07-02"),
                null);
        edit.accept(body);
        return body;
    }

    private static Case json(String name, Service service, String method, Supplier<String> path,
            Supplier<? extends JsonNode> body, Set<Integer> expected) {
        return new Case(name, service, method, path, "application/json", () -> bytes(body.get()), expected);
    }

    /** A PUT with an {@code If-Match} header. */
    private static Case json(String name, Service service, String method, Supplier<String> path,
            Supplier<? extends JsonNode> body, Set<Integer> expected, String ifMatch) {
        return new Case(name, service, method, path, "application/json", () -> bytes(body.get()), expected, ifMatch);
    }

    private static Case raw(String name, Service service, String method, Supplier<String> path, String body,
            Set<Integer> expected) {
        return raw(name, service, method, path, () -> body, expected);
    }

    private static Case raw(String name, Service service, String method, Supplier<String> path,
            Supplier<Object> body, Set<Integer> expected) {
        return new Case(name, service, method, path, "application/json", () -> {
            Object value = body.get();
            return value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8);
        }, expected);
    }

    private static Case raw(String name, Service service, String method, Supplier<String> path,
            Supplier<Object> body, Set<Integer> expected, String ifMatch) {
        Case c = raw(name, service, method, path, body, expected);
        return new Case(name, service, method, path, c.contentType(), c.body(), expected, ifMatch);
    }

    /** A new plan in the fixture zone, edited by {@code edit}. */
    private ObjectNode planBody(Consumer<ObjectNode> edit) {
        ObjectNode body = Workload.planBody(Workload.uniqueCode("hostile-plan"), zone);
        edit.accept(body);
        return body;
    }

    /** The indicator at {@code index} of a plan body, to edit in place. */
    private static ObjectNode indicator(ObjectNode plan, int index) {
        return (ObjectNode) plan.get("indicators").get(index);
    }

    /** The object under {@code field} of {@code body}, to edit in place. */
    private static ObjectNode obj(ObjectNode body, String field) {
        return (ObjectNode) body.get(field);
    }

    /** A zone body for a PUT of the fixture zone: no code (the path names it), no parent (it is a root). */
    private ObjectNode zonePut(Consumer<ObjectNode> edit) {
        return zoneBody(b -> {
            b.remove("code");
            b.remove("parentCode");
            edit.accept(b);
        });
    }

    private static byte[] bytes(JsonNode node) {
        return Api.write(node).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        byte[] a = head.getBytes(StandardCharsets.UTF_8);
        byte[] c = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }
}
