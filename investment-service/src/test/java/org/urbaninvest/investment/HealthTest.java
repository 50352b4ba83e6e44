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
}
