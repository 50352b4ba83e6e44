package org.urbaninvest.investment;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.OpenEndpoints;

@QuarkusTest
class HealthTest {

    @Test
    void readyWithoutToken() {
        OpenEndpoints.readyWithoutToken();
    }

    @Test
    void openApiWithoutTokenDocumentsTheRequiredIfMatch() {
        OpenEndpoints.ifMatchRequiredOnPut("/api/v1/investors/{id}");
    }

    /** Every operation has an operationId, summary, description, tags, problem-document errors and examples. */
    @Test
    void openApiDocumentsEveryOperation() {
        OpenEndpoints.everyOperationDocumented();
    }
}
