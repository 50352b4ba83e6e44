package org.urbaninvest.investment.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.PayloadSchemas;

/** Each payload record of this service, nested records included, has exactly the fields its topic's JSON Schema declares. */
class PayloadSchemaTest {

    @Test
    void agreementPayloadMatchesItsSchema() {
        assertThat(PayloadSchemas.differences(AgreementPayload.class, "events/defs/agreement.json")).isEmpty();
    }

    @Test
    void investorPayloadMatchesItsSchema() {
        assertThat(PayloadSchemas.differences(InvestorPayload.class, "events/defs/investor.json")).isEmpty();
    }
}
