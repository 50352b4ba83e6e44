package org.urbaninvest.reporting.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.PayloadSchemas;

/** The zone summary payload, nested records included, has exactly the fields its topic's JSON Schema declares. */
class PayloadSchemaTest {

    @Test
    void zoneSummaryPayloadMatchesItsSchema() {
        assertThat(PayloadSchemas.differences(ZoneSummaryPayload.class, "events/report.zone-summary.schema.json"))
                .isEmpty();
    }
}
