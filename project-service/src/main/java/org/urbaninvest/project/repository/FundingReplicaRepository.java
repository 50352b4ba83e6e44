package org.urbaninvest.project.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.urbaninvest.project.domain.Funding;

/**
 * The service's copies of investment-service's agreements and investors, kept from {@code agreements.v1} and
 * {@code investors.v1}. Every write keeps the newest version, so a stale or repeated event changes nothing.
 */
@ApplicationScoped
public class FundingReplicaRepository {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    /** An agreement snapshot as the event carries it ({@code disbursements} is its JSON list, kept as is). */
    public void storeAgreement(UUID id, String projectCode, UUID investorId, String stage, BigDecimal signedAmount,
            String signedCurrency, String disbursements, Instant updatedAt, long version) {
        entityManager.createNativeQuery("""
                INSERT INTO agreement_replica (id, project_code, investor_id, stage, signed_amount, signed_currency,
                    disbursements, updated_at, version)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8, ?9)
                ON CONFLICT (id) DO UPDATE
                SET project_code = EXCLUDED.project_code, investor_id = EXCLUDED.investor_id, stage = EXCLUDED.stage,
                    signed_amount = EXCLUDED.signed_amount, signed_currency = EXCLUDED.signed_currency,
                    disbursements = EXCLUDED.disbursements, updated_at = EXCLUDED.updated_at,
                    version = EXCLUDED.version
                WHERE agreement_replica.version < EXCLUDED.version""")
                .setParameter(1, id)
                .setParameter(2, projectCode)
                .setParameter(3, investorId)
                .setParameter(4, stage)
                .setParameter(5, signedAmount)
                .setParameter(6, signedCurrency)
                .setParameter(7, disbursements)
                .setParameter(8, Timestamp.from(updatedAt))
                .setParameter(9, version)
                .executeUpdate();
    }

    public void storeInvestor(UUID id, String name, long version) {
        entityManager.createNativeQuery("""
                INSERT INTO investor_replica (id, name, version) VALUES (?1, ?2, ?3)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version
                WHERE investor_replica.version < EXCLUDED.version""")
                .setParameter(1, id)
                .setParameter(2, name)
                .setParameter(3, version)
                .executeUpdate();
    }

    /** The agreements of the given projects with their investors' names, by project, then agreement id. */
    public List<Funding> ofProjects(Collection<String> projectCodes) {
        if (projectCodes.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT a.id, a.project_code, a.investor_id, i.name, a.stage, a.signed_amount, a.signed_currency,
                       CAST(a.disbursements AS text), a.updated_at
                FROM agreement_replica a LEFT JOIN investor_replica i ON i.id = a.investor_id
                WHERE a.project_code IN (:codes)
                ORDER BY a.project_code, a.id""").setParameter("codes", projectCodes).getResultList();
        List<Funding> fundings = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            fundings.add(new Funding((UUID) row[0], (String) row[1], (UUID) row[2], (String) row[3],
                    (String) row[4], (BigDecimal) row[5], row[6] == null ? null : ((String) row[6]).trim(),
                    receipts((String) row[7]), instant(row[8])));
        }
        return fundings;
    }

    private List<Funding.Receipt> receipts(String disbursements) {
        try {
            List<Funding.Receipt> receipts = new ArrayList<>();
            for (JsonNode d : json.readTree(disbursements)) {
                receipts.add(new Funding.Receipt(UUID.fromString(d.path("id").asText()),
                        new BigDecimal(d.path("amount").path("amount").asText()),
                        d.path("amount").path("currency").asText(), LocalDate.parse(d.path("receivedOn").asText())));
            }
            return receipts;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
