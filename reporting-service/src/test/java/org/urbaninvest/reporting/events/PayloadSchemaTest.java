package org.urbaninvest.reporting.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.PayloadSchemas;

/** The payloads, nested records included, have exactly the fields their topics' JSON Schemas declare. */
class PayloadSchemaTest {

    @Test
    void zoneSummaryPayloadMatchesItsSchema() {
        assertThat(PayloadSchemas.differences(ZoneSummaryPayload.class, "events/report.zone-summary.schema.json"))
                .isEmpty();
    }

    @Test
    void zoneFindingsPayloadMatchesItsSchema() {
        assertThat(PayloadSchemas.differences(ZoneFindingsPayload.class, "events/report.zone-findings.schema.json"))
                .isEmpty();
    }
}
