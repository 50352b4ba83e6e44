package org.urbaninvest.investment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.urbaninvest.investment.domain.CreditCode;
import org.urbaninvest.platform.events.CloudEvents;
import org.urbaninvest.testsupport.EventSchemas;
import org.urbaninvest.testsupport.KafkaTestClient;
import org.urbaninvest.testsupport.Tokens;

/** What the tests of this module share: authenticated requests, unique names, and the usual set-up steps. */
final class Fixtures {

    private Fixtures() {
    }

    static RequestSpecification asEditor() {
        return given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON);
    }

    static RequestSpecification asViewer() {
        return given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON);
    }

    /** A code no other test uses, e.g. {@code proj-3fa2c1d9}. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A random credit code whose check character is right. */
    static String validCreditCode() {
        String alphabet = CreditCode.Validator.ALPHABET;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder code = new StringBuilder("91");
        while (code.length() < 17) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        for (char check : alphabet.toCharArray()) {
            if (CreditCode.Validator.isValidCode(code.toString() + check)) {
                return code.toString() + check;
            }
        }
        throw new IllegalStateException("no check character for " + code);
    }

    /** Registers an investor; returns its id. */
    static String investor() {
        return asEditor().body(Map.of("name", unique("Investor"), "kind", "PRIVATE", "creditCode", validCreditCode(),
                        "country", "CN"))
                .post("/api/v1/investors").then().statusCode(201).extract().path("id");
    }

    /** A project project-service knows (served by the stand-in resource of the test application). */
    static String project(String zone) {
        String code = unique("proj");
        ProjectServiceStub.put(code, zone, "implementation", 1);
        return code;
    }

    /** Registers an agreement of 100.00 CNY intended on 2022-03-01; returns its id. */
    static String agreement(String project, String investor) {
        return asEditor().body(intend(project, investor, "100.00", "2022-03-01"))
                .post("/api/v1/agreements").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> intend(String project, String investor, Object amount, String intendedOn) {
        return Map.of("projectCode", project, "investorId", investor,
                "intendedAmount", Map.of("amount", amount, "currency", "CNY"), "intendedOn", intendedOn);
    }

    static Map<String, Object> money(Object amount, String currency) {
        return Map.of("amount", amount, "currency", currency);
    }

    /** Moves an agreement and expects success. */
    static void move(String id, String action, Map<String, ?> body) {
        asEditor().body(body).post("/api/v1/agreements/" + id + "/" + action).then().statusCode(200);
    }

    static void sign(String id, String amount, String signedOn) {
        move(id, "sign", Map.of("signedAmount", money(amount, "CNY"), "signedOn", signedOn));
    }

    /** Checks the CloudEvents headers of a produced record and its value against the type's JSON Schema. */
    static void assertValidEvent(ConsumerRecord<String, String> record, String key) {
        String type = KafkaTestClient.header(record, CloudEvents.TYPE);
        assertThat(record.key()).isEqualTo(key);
        assertThat(KafkaTestClient.header(record, CloudEvents.SPECVERSION)).isEqualTo("1.0");
        assertThat(UUID.fromString(KafkaTestClient.header(record, CloudEvents.ID))).isNotNull();
        assertThat(KafkaTestClient.header(record, CloudEvents.SOURCE)).isEqualTo("/investment-service");
        assertThat(KafkaTestClient.header(record, CloudEvents.SUBJECT)).isEqualTo(key);
        assertThat(KafkaTestClient.header(record, CloudEvents.TIME)).isNotBlank();
        assertThat(KafkaTestClient.header(record, CloudEvents.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(EventSchemas.errors(type, record.value())).as(type + " " + record.value()).isEmpty();
    }

    static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> KafkaTestClient.header(r, CloudEvents.TYPE)).toList();
    }
}
