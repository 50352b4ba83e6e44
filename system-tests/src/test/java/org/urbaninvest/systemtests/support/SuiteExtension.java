package org.urbaninvest.systemtests.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the suite once for every test class of the run (on first use) and stops it when the run ends: the
 * running suite is kept in the root context's store, which closes it after the last test.
 */
public final class SuiteExtension implements BeforeAllCallback {

    private static volatile RunningSuite running;

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(RunningSuite.class, key -> RunningSuite.start(), RunningSuite.class);
        running.restartDeadServices();
    }

    static RunningSuite running() {
        if (running == null) {
            throw new IllegalStateException("the suite is not started: extend SystemTest");
        }
        return running;
    }
}
