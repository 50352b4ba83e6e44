package org.urbaninvest.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;
import org.urbaninvest.systemtests.support.RunningSuite.Service;

/** Checks that what the ledger says was accepted is in the store, and on the topic. */
public final class Verify {

    private Verify() {
    }

    /** Every accepted change is there: each agreement's stage, amounts, disbursements and version. */
    public static void agreementsAreStored(RunningSuite suite, Ledger ledger) {
        String viewer = suite.tokens().viewer();
        SoftAssertions softly = new SoftAssertions();
        for (Ledger.Agreement expected : ledger.agreements()) {
            JsonNode stored = suite.api().get(Service.INVESTMENT, "/api/v1/agreements/" + expected.id(), viewer)
                    .expect(200).json();
            String what = "agreement " + expected.id();
            softly.assertThat(stored.path("stage").asText()).as("stage of %s", what).isEqualTo(expected.stage());
            softly.assertThat(stored.path("version").asLong()).as("version of %s", what)
                    .isEqualTo(expected.version());
            softly.assertThat(Money.from(stored.path("intendedAmount"))).as("intended amount of %s", what)
                    .isEqualTo(expected.intended());
            if (expected.signed() != null) {
                softly.assertThat(Money.from(stored.path("signedAmount"))).as("signed amount of %s", what)
                        .isEqualTo(expected.signed());
            }
            softly.assertThat(stored.path("disbursements").size()).as("disbursements of %s", what)
                    .isEqualTo(expected.disbursements().size());
            softly.assertThat(Money.from(stored.path("fundsInPlace"))).as("funds in place of %s", what)
                    .isEqualTo(expected.fundsInPlace());
        }
        softly.assertAll();
    }

    /**
     * Every accepted change is there, read through the list endpoint (500 at a time) for many agreements: each
     * agreement of the ledger is listed under its project with the ledger's stage, version and amounts, and the
     * projects hold no agreement the ledger does not know.
     */
    public static void agreementsAreListed(RunningSuite suite, Ledger ledger, List<String> projects) {
        String viewer = suite.tokens().viewer();
        Map<String, JsonNode> stored = new HashMap<>();
        for (String project : projects) {
            for (int page = 0; ; page++) {
                JsonNode answer = suite.api().get(Service.INVESTMENT, "/api/v1/agreements?project=" + project
                        + "&size=500&page=" + page, viewer).expect(200).json();
                answer.path("items").forEach(item -> stored.put(item.path("id").asText(), item));
                if ((long) (page + 1) * 500 >= answer.path("total").asLong()) {
                    break;
                }
            }
        }
        SoftAssertions softly = new SoftAssertions();
        for (Ledger.Agreement expected : ledger.agreements()) {
            JsonNode item = stored.remove(expected.id());
            softly.assertThat(item).as("agreement %s is stored", expected.id()).isNotNull();
            if (item != null) {
                softly.assertThat(item.path("stage").asText() + " v" + item.path("version").asLong() + " "
                        + Money.from(item.path("intendedAmount")) + " " + Money.from(item.path("fundsInPlace")))
                        .as("agreement %s", expected.id()).isEqualTo(expected.stage() + " v" + expected.version()
                                + " " + expected.intended() + " " + expected.fundsInPlace());
            }
        }
        softly.assertThat(stored.keySet()).as("agreements stored that no accepted write made").isEmpty();
        softly.assertAll();
    }

    /**
     * Every version of every agreement of the ledger is on {@code agreements.v1} (a redelivery may repeat one; none
     * is missing), and the last one is the stored agreement. Returns how many events were repeated.
     */
    public static int agreementEventsArePublished(RunningSuite suite, Ledger ledger) {
        Map<String, List<Long>> versions = new HashMap<>();
        Map<String, JsonNode> last = new HashMap<>();
        for (ConsumerRecord<String, String> record : new EventLog(suite).readAll("agreements.v1")) {
            if (record.value() == null || !record.value().startsWith("{")) {
                continue;
            }
            JsonNode value;
            try {
                value = Api.parse(record.value());
            } catch (IllegalArgumentException poison) {
                continue; // a poison message injected by another scenario
            }
            versions.computeIfAbsent(record.key(), k -> new java.util.ArrayList<>()).add(value.path("version")
                    .asLong());
            last.put(record.key(), value);
        }
        int repeated = 0;
        SoftAssertions softly = new SoftAssertions();
        for (Ledger.Agreement expected : ledger.agreements()) {
            List<Long> seen = versions.getOrDefault(expected.id(), List.of());
            TreeSet<Long> distinct = new TreeSet<>(seen);
            repeated += seen.size() - distinct.size();
            TreeSet<Long> all = new TreeSet<>();
            for (long v = 1; v <= expected.version(); v++) {
                all.add(v);
            }
            softly.assertThat(distinct).as("versions of agreement %s on agreements.v1", expected.id())
                    .isEqualTo(all);
            if (last.containsKey(expected.id())) {
                softly.assertThat(last.get(expected.id()).path("stage").asText())
                        .as("stage in the last event of %s", expected.id()).isEqualTo(expected.stage());
            }
        }
        softly.assertAll();
        return repeated;
    }
}
