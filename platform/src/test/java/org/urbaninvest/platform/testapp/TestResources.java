package org.urbaninvest.platform.testapp;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.urbaninvest.testsupport.UrbanInvestTestResource;

/** Every test of the platform runs against real PostgreSQL (database {@code platform}) and a real Kafka broker. */
@WithTestResource(value = UrbanInvestTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "platform"))
public final class TestResources {

    private TestResources() {
    }
}
