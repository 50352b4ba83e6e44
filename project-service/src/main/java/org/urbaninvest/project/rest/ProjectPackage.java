package org.urbaninvest.project.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An OC4IDS 0.9 project package (the standard's project package schema and project schema): only the fields the
 * suite fills, each left out when it has no value (OC4IDS fields are never null, and its arrays never empty).
 * Amounts are JSON numbers, dates date-times, codes from OC4IDS codelists (see the project-service README).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Oc4idsProjectPackage", description = "An OC4IDS 0.9 project package", example = """
        {"uri": "https://urbaninvest.example.com/api/v1/oc4ids/project-package?zone=taiyuan-xinzhou",
        "publishedDate": "2022-11-02T08:00:00Z", "publisher": {"name": "UrbanInvest"}, "version": "0.9",
        "projects": [{"id": "oc4ids-urbaninvest-taiyuan-xinzhou-avenue", "updated": "2022-11-02T08:00:00Z",
        "title": "Taiyuan-Xinzhou Avenue", "description": "37-km avenue linking Taiyuan and Xinzhou",
        "status": "implementation", "type": "construction", "sector": ["transport", "transport.road"],
        "period": {"endDate": "2022-08-20T00:00:00Z"},
        "budget": {"amount": {"amount": 4000000000.00, "currency": "CNY"},
        "budgetBreakdown": [{"id": "1", "description": "Local fiscal funds",
        "amount": {"amount": 1600000000.00, "currency": "CNY"}}]},
        "locations": [{"id": "1", "geometry": {"type": "LineString", "coordinates": [[112.56, 37.96], [112.7, 38.27]]}}],
        "milestones": [{"id": "opening", "title": "Open to traffic", "type": "delivery",
        "dueDate": "2022-09-30T00:00:00Z", "status": "scheduled"}],
        "parties": [{"id": "zone-taiyuan-xinzhou", "name": "Taiyuan-Xinzhou Integrated Economic Zone",
        "roles": ["publicAuthority"]}, {"id": "investor-5f0c6a1e-8d2b-4c1a-9e57-0b6f1d2a3c4e",
        "name": "Shanxi Fenhe Energy Investment Co., Ltd.", "roles": ["funder", "payer"]}],
        "publicAuthority": {"id": "zone-taiyuan-xinzhou", "name": "Taiyuan-Xinzhou Integrated Economic Zone"},
        "transactions": [{"id": "0b1d2c3e-4f50-6a7b-8c9d-0e1f2a3b4c5d", "date": "2022-11-02T00:00:00Z",
        "value": {"amount": 90000000.00, "currency": "CNY"},
        "payer": {"id": "investor-5f0c6a1e-8d2b-4c1a-9e57-0b6f1d2a3c4e",
        "name": "Shanxi Fenhe Energy Investment Co., Ltd."}}],
        "identifiers": [{"id": "2021-140000-48-01-000001", "scheme": "CN-NDRC"}]}]}
        """)
public record ProjectPackage(String uri, Instant publishedDate, Publisher publisher, String version,
        List<PackagedProject> projects) {

    @Schema(name = "Oc4idsPublisher")
    public record Publisher(String name) {
    }

    /** One project of the package (OC4IDS project schema). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsProject")
    public record PackagedProject(String id, Instant updated, String title, String description, String status,
            String type, List<String> sector, Period period, Budget budget, List<Location> locations,
            List<Milestone> milestones, List<Party> parties, OrganizationReference publicAuthority,
            List<Transaction> transactions, List<Identifier> identifiers) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsPeriod")
    public record Period(Instant startDate, Instant endDate) {
    }

    /** OC4IDS {@code Value}: an amount as a JSON number, with its ISO 4217 currency. */
    @Schema(name = "Oc4idsValue")
    public record Value(BigDecimal amount, String currency) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsBudget")
    public record Budget(Value amount, List<BudgetBreakdown> budgetBreakdown) {
    }

    @Schema(name = "Oc4idsBudgetBreakdown")
    public record BudgetBreakdown(String id, String description, Value amount) {
    }

    @Schema(name = "Oc4idsLocation")
    public record Location(String id, Geometry geometry) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsMilestone")
    public record Milestone(String id, String title, String type, Instant dueDate, Instant dateMet, String status) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsParty")
    public record Party(String id, String name, List<String> roles) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsOrganizationReference")
    public record OrganizationReference(String id, String name) {
    }

    @Schema(name = "Oc4idsTransaction")
    public record Transaction(String id, Instant date, Value value, OrganizationReference payer) {
    }

    @Schema(name = "Oc4idsIdentifier")
    public record Identifier(String id, String scheme) {
    }
}
