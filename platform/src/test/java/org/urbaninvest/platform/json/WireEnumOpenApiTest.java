package org.urbaninvest.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.jboss.jandex.Index;
import org.junit.jupiter.api.Test;

/** A wire enum's schema lists the values that travel; a plain enum's keeps its constant names. */
class WireEnumOpenApiTest {

    enum MilestoneState implements WireEnum {
        SCHEDULED, NOT_MET
    }

    enum Kind {
        INDUSTRIAL_PARK
    }

    @Test
    void documentsWireValues() throws IOException {
        OpenAPI document = OASFactory.createOpenAPI().components(OASFactory.createComponents()
                .addSchema("MilestoneState", OASFactory.createSchema().enumeration(List.of("SCHEDULED", "NOT_MET")))
                .addSchema("Kind", OASFactory.createSchema().enumeration(List.of("INDUSTRIAL_PARK"))));

        new WireEnumOpenApi(Index.of(MilestoneState.class, Kind.class)).filterOpenAPI(document);

        Schema wire = document.getComponents().getSchemas().get("MilestoneState");
        assertThat(wire.getEnumeration()).containsExactly("scheduled", "notMet");
        assertThat(document.getComponents().getSchemas().get("Kind").getEnumeration())
                .containsExactly("INDUSTRIAL_PARK");
    }
}
