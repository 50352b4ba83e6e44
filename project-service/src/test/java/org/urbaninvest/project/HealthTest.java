package org.urbaninvest.project;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.OpenEndpoints;

@QuarkusTest
class HealthTest {

    @Test
    void readyWithoutToken() {
        OpenEndpoints.readyWithoutToken();
    }

    /** Every PUT documents the one If-Match rule: the header required, 412 and 428 listed. */
    @Test
    void openApiWithoutTokenDocumentsTheRequiredIfMatchOnEveryPut() {
        OpenEndpoints.ifMatchRequiredOnPut("/api/v1/zones/{code}", "/api/v1/programmes/{code}",
                "/api/v1/projects/{code}");
    }

    /** Every operation has an operationId, summary, description, tags, problem-document errors and examples. */
    @Test
    void openApiDocumentsEveryOperation() {
        OpenEndpoints.everyOperationDocumented();
    }
}
