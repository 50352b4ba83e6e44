package org.urbaninvest.project;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.urbaninvest.testsupport.KafkaTestClient;

/**
 * Agreement and investor events as investment-service publishes them (CloudEvents binary mode, full snapshots of
 * {@code events/defs/agreement.json} and {@code investor.json}), sent to the real broker for project-service's
 * consumers.
 */
final class FundingEvents {

    private static final KafkaTestClient KAFKA = KafkaTestClient.ofTestInfrastructure();

    private FundingEvents() {
    }

    static void investor(UUID id, String name, long version) {
        ObjectNode value = JsonNodeFactory.instance.objectNode().put("id", id.toString()).put("name", name)
                .put("kind", "PRIVATE").putNull("creditCode").put("country", "CN").put("version", version)
                .put("createdAt", "2022-01-01T00:00:00Z").put("updatedAt", Instant.now().toString());
        KAFKA.send("investors.v1", id.toString(), value.toString(),
                headers(id.toString(), version == 1 ? "investor.registered" : "investor.updated"));
    }

    /** An agreement's snapshot, built up stage by stage like investment-service's. */
    static final class Agreement {

        final UUID id;
        private final ObjectNode value = JsonNodeFactory.instance.objectNode();
        private long version = 1;
        private String change = "agreement.intended";

        Agreement(UUID id, String project, String zone, UUID investor, String reference, String amount,
                String currency, LocalDate intendedOn) {
            this.id = id;
            value.put("id", id.toString()).put("projectCode", project).put("zoneCode", zone)
                    .put("investorId", investor.toString()).put("reference", reference).put("stage", "INTENDED");
            value.set("intendedAmount", money(amount, currency));
            value.put("intendedOn", intendedOn.toString()).putNull("signedAmount").putNull("signedOn")
                    .putNull("startedOn").putNull("operationalOn").putNull("withdrawnOn").putNull("withdrawalReason");
            value.putArray("disbursements");
            value.set("fundsInPlace", money("0.00", currency));
            value.putArray("history").addObject().put("at", "2022-01-01T00:00:00Z").put("action", "intended")
                    .put("stage", "INTENDED").put("date", intendedOn.toString()).put("actor", "editor")
                    .putNull("reason").putObject("changes");
            value.put("version", 1).put("createdAt", "2022-01-01T00:00:00Z").put("updatedAt", now());
        }

        Agreement sign(String amount, LocalDate on) {
            value.set("signedAmount", money(amount, currency()));
            value.put("signedOn", on.toString());
            return move("SIGNED", "agreement.signed");
        }

        Agreement start(LocalDate on) {
            value.put("startedOn", on.toString());
            return move("STARTED", "agreement.started");
        }

        Agreement operate(LocalDate on) {
            value.put("operationalOn", on.toString());
            return move("OPERATIONAL", "agreement.operational");
        }

        Agreement withdraw(LocalDate on) {
            value.put("withdrawnOn", on.toString()).put("withdrawalReason", "the investor withdrew");
            return move("WITHDRAWN", "agreement.withdrawn");
        }

        /** A disbursement; its id is derived from the agreement's and its position, so a re-run sends the same. */
        Agreement disburse(String amount, LocalDate receivedOn) {
            ArrayNode disbursements = (ArrayNode) value.get("disbursements");
            UUID disbursement = UUID.nameUUIDFromBytes((id + "/" + disbursements.size()).getBytes());
            disbursements.addObject().put("id", disbursement.toString()).<ObjectNode>set("amount",
                    money(amount, currency())).put("receivedOn", receivedOn.toString()).put("recordedAt", now());
            java.math.BigDecimal total = new java.math.BigDecimal(value.path("fundsInPlace").path("amount").asText())
                    .add(new java.math.BigDecimal(amount));
            value.set("fundsInPlace", money(total.setScale(2).toPlainString(), currency()));
            version++;
            change = "agreement.disbursement-recorded";
            value.put("version", version).put("updatedAt", now());
            return this;
        }

        /** Publishes the snapshot as it stands, with its version. */
        Agreement send() {
            KAFKA.send("agreements.v1", id.toString(), value.toString(), headers(id.toString(), change));
            return this;
        }

        long version() {
            return version;
        }

        private Agreement move(String stage, String type) {
            version++;
            change = type;
            value.put("stage", stage).put("version", version).put("updatedAt", now());
            return this;
        }

        private String currency() {
            return value.path("intendedAmount").path("currency").asText();
        }
    }

    static void sendRaw(String key, String value) {
        KAFKA.send("agreements.v1", key, value, headers(key, "agreement.intended"));
    }

    private static ObjectNode money(String amount, String currency) {
        return JsonNodeFactory.instance.objectNode().put("amount", amount).put("currency", currency);
    }

    private static String now() {
        return Instant.now().toString();
    }

    private static Map<String, String> headers(String subject, String type) {
        Map<String, String> headers = new HashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_source", "/investment-service");
        headers.put("ce_type", "org.urbaninvest." + type);
        headers.put("ce_subject", subject);
        headers.put("ce_time", now());
        headers.put("content-type", "application/json");
        return headers;
    }
}
