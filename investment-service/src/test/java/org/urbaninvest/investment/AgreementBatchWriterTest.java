package org.urbaninvest.investment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.urbaninvest.investment.Fixtures.asEditor;
import static org.urbaninvest.investment.Fixtures.asViewer;
import static org.urbaninvest.investment.Fixtures.investor;
import static org.urbaninvest.investment.Fixtures.money;
import static org.urbaninvest.investment.Fixtures.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.urbaninvest.investment.domain.AgreementKey;
import org.urbaninvest.investment.domain.Stage;
import org.urbaninvest.investment.mapping.AgreementMapper;
import org.urbaninvest.investment.repository.AgreementBatchWriter;
import org.urbaninvest.investment.repository.AgreementEntity;

/** The import's set-based reads and version-guarded updates, against the real PostgreSQL of the tests. */
@QuarkusTest
class AgreementBatchWriterTest {

    /** Characters an array literal has to escape, and the word it would otherwise read as NULL. */
    private static final String AWKWARD_REASON = "He said \"no\", {twice} \\ NULL";

    @Inject
    AgreementBatchWriter writer;

    @Inject
    AgreementMapper mapper;

    @Inject
    ObjectMapper json;

    /** An agreement by the API, with the given reference; returns its id. */
    private static String agreement(String investor, String reference) {
        Map<String, Object> body = new HashMap<>(Fixtures.intend(project("writer-zone"), investor, "100.00",
                "2022-03-01"));
        body.put("reference", reference);
        return asEditor().body(body).post("/api/v1/agreements").then().statusCode(201).extract().path("id");
    }

    /** Two agreements of a new investor by the API, {@code <prefix>-1} and {@code <prefix>-2}: ids and keys. */
    private record Two(String firstId, String secondId, AgreementKey first, AgreementKey second) {

        static Two intended(String prefix) {
            String investor = investor();
            UUID investorId = UUID.fromString(investor);
            return new Two(agreement(investor, prefix + "-1"), agreement(investor, prefix + "-2"),
                    new AgreementKey(investorId, prefix + "-1"), new AgreementKey(investorId, prefix + "-2"));
        }
    }

    private static Map<String, Object> shown(String id) {
        return asViewer().get("/api/v1/agreements/" + id).then().statusCode(200).extract().jsonPath().getMap("");
    }

    private Map<AgreementKey, AgreementEntity> read(AgreementKey... keys) {
        return QuarkusTransaction.requiringNew().call(() -> writer.read(List.of(keys)));
    }

    @Test
    void readsAgreementsWithTheirHistoryAndDisbursementsAsTheApiShowsThem() throws Exception {
        String investor = investor();
        String id = agreement(investor, "W-1");
        String untouched = agreement(investor, "W-2");
        Fixtures.sign(id, "90.00", "2022-04-01");
        Fixtures.move(id, "amend", Map.of("signedAmount", money("80.00", "CNY"), "reason", "revised"));
        for (String[] funds : new String[][] {{"D-2", "2022-07-01"}, {"D-1", "2022-06-01"}}) {
            asEditor().body(Map.of("amount", money("10.00", "CNY"), "receivedOn", funds[1], "reference", funds[0]))
                    .post("/api/v1/agreements/" + id + "/disbursements").then().statusCode(201);
        }

        AgreementKey key = new AgreementKey(UUID.fromString(investor), "W-1");
        AgreementKey other = new AgreementKey(UUID.fromString(investor), "W-2");
        Map<AgreementKey, AgreementEntity> found = read(key, other,
                new AgreementKey(UUID.fromString(investor), "W-none"));

        assertThat(found).containsOnlyKeys(key, other);
        assertThat(JsonPath.from(json.writeValueAsString(mapper.toResponse(found.get(key)))).getMap(""))
                .isEqualTo(shown(id));
        assertThat(JsonPath.from(json.writeValueAsString(mapper.toResponse(found.get(other)))).getMap(""))
                .isEqualTo(shown(untouched));
        assertThat(found.get(key).history).extracting(h -> h.seq).containsExactly(0, 1, 2);
        assertThat(found.get(key).disbursements).extracting(d -> d.reference).containsExactly("D-1", "D-2");
    }

    @Test
    void writesEveryChangedAgreementInOneUpdate() {
        Two two = Two.intended("U");

        QuarkusTransaction.requiringNew().run(() -> {
            Map<AgreementKey, AgreementEntity> found = writer.read(List.of(two.first(), two.second()));
            AgreementEntity a = found.get(two.first());
            a.stage = Stage.WITHDRAWN;
            a.withdrawnOn = LocalDate.parse("2022-05-01");
            a.withdrawalReason = AWKWARD_REASON;
            a.version = 2;
            a.updatedAt = Instant.parse("2026-01-02T03:04:05.123456Z");
            AgreementEntity b = found.get(two.second());
            b.stage = Stage.SIGNED;
            b.signedAmount = new BigDecimal("1234.50");
            b.signedCurrency = "CNY";
            b.signedOn = LocalDate.parse("2022-04-01");
            b.version = 2;
            writer.update(List.of(new AgreementBatchWriter.Changed(a, 1), new AgreementBatchWriter.Changed(b, 1)));
        });

        Map<String, Object> a = shown(two.firstId());
        assertThat(a).containsEntry("stage", "WITHDRAWN").containsEntry("withdrawnOn", "2022-05-01")
                .containsEntry("withdrawalReason", AWKWARD_REASON).containsEntry("version", 2)
                .containsEntry("updatedAt", "2026-01-02T03:04:05.123456Z");
        assertThat(a.get("signedAmount")).isNull();
        Map<String, Object> b = shown(two.secondId());
        assertThat(b).containsEntry("stage", "SIGNED").containsEntry("signedOn", "2022-04-01")
                .containsEntry("signedAmount", Map.of("amount", "1234.50", "currency", "CNY"))
                .containsEntry("version", 2);
        assertThat(b.get("withdrawalReason")).isNull();
    }

    @Test
    void refusesTheWholeUpdateWhenAnAgreementChangedSinceItWasRead() {
        Two two = Two.intended("R");

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            Map<AgreementKey, AgreementEntity> found = writer.read(List.of(two.first(), two.second()));
            Fixtures.sign(two.firstId(), "90.00", "2022-04-01"); // the API, in its own transaction, between read and write
            List<AgreementBatchWriter.Changed> changed = found.values().stream().map(agreement -> {
                agreement.stage = Stage.WITHDRAWN;
                agreement.withdrawnOn = LocalDate.parse("2022-05-01");
                agreement.withdrawalReason = "withdrawn by the file";
                agreement.version = 2;
                return new AgreementBatchWriter.Changed(agreement, 1);
            }).toList();
            writer.update(changed);
        })).isInstanceOf(OptimisticLockException.class).hasMessageContaining("changed while it was being imported");

        assertThat(shown(two.firstId())).containsEntry("stage", "SIGNED").containsEntry("version", 2)
                .doesNotContainEntry("withdrawalReason", "withdrawn by the file");
        assertThat(shown(two.secondId())).containsEntry("stage", "INTENDED").containsEntry("version", 1);
    }
}
