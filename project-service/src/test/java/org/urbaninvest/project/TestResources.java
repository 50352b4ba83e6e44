package org.urbaninvest.project;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.urbaninvest.testsupport.UrbanInvestTestResource;

/** Every test of this module runs against real PostgreSQL (database {@code project}) and a real Kafka broker. */
@WithTestResource(value = UrbanInvestTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "project"))
public final class TestResources {

    private TestResources() {
    }
}
