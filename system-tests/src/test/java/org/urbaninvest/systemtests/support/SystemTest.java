package org.urbaninvest.systemtests.support;

import org.junit.jupiter.api.extension.ExtendWith;
import org.urbaninvest.testsupport.TokenSet;

/** A test of the running suite: started once (by {@link SuiteExtension}) and shared by every system test class. */
@ExtendWith(SuiteExtension.class)
public abstract class SystemTest {

    protected static RunningSuite suite() {
        return SuiteExtension.running();
    }

    protected static Api api() {
        return suite().api();
    }

    protected static TokenSet tokens() {
        return suite().tokens();
    }
}
