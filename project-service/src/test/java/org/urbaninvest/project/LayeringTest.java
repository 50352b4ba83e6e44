package org.urbaninvest.project;

import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.Layering;

class LayeringTest {

    @Test
    void packagesDependOneWay() {
        Layering.check("org.urbaninvest.project");
    }
}
