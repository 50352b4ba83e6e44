package org.urbaninvest.reporting;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.urbaninvest.testsupport.UrbanInvestTestResource;

/** Every test of this module runs against real PostgreSQL (database {@code reporting}) and a real Kafka broker. */
@WithTestResource(value = UrbanInvestTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
public final class TestResources {

    private TestResources() {
    }
}
