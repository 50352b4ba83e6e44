package org.urbaninvest.project.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.PayloadSchemas;

/** Each payload record of this service has exactly the fields its topic's JSON Schema declares. */
class PayloadSchemaTest {

    @Test
    void zonePayloadMatchesItsSchema() {
        assertThat(PayloadSchemas.differences(ZonePayload.class, "events/zone.schema.json")).isEmpty();
    }

    @Test
    void programmePayloadMatchesItsSchema() {
        assertThat(PayloadSchemas.differences(ProgrammePayload.class, "events/programme.schema.json")).isEmpty();
    }

    @Test
    void projectPayloadMatchesItsSchema() {
        assertThat(PayloadSchemas.differences(ProjectPayload.class, "events/project.schema.json")).isEmpty();
    }

    @Test
    void planPayloadMatchesItsSchema() {
        assertThat(PayloadSchemas.differences(PlanPayload.class, "events/plan.schema.json")).isEmpty();
    }

    /** A zone payload whose field was renamed: the comparison names both sides of the difference. */
    record RenamedZone(String code, String title, Object kind, String parentCode, Object areaKm2, Long population,
            String regionCode, String description, List<String> children, long version, Instant createdAt,
            Instant updatedAt) {
    }

    @Test
    void aRenamedFieldIsADifference() {
        assertThat(PayloadSchemas.differences(RenamedZone.class, "events/zone.schema.json")).containsExactlyInAnyOrder(
                "RenamedZone.title: in the record, not in the schema",
                "RenamedZone.name: in the schema, not in the record");
    }
}
