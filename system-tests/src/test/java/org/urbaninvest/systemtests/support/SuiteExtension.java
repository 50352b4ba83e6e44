package org.urbaninvest.systemtests.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Starts the suite once for every test class of the run (on first use) and stops it when the run ends: the
 * running suite is kept in the root context's store, which closes it after the last test. A test that fails has
 * the services' ERROR entries logged while it ran printed with its output ({@link ServiceLogs}).
 */
public final class SuiteExtension implements BeforeAllCallback, BeforeEachCallback, TestWatcher {

    private static volatile RunningSuite running;

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(RunningSuite.class, key -> RunningSuite.start(), RunningSuite.class);
        running.restartDeadServices();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        store(context).put(ServiceLogs.class, ServiceLogs.mark(running().launcher().instances()));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        ServiceLogs logs = store(context).get(ServiceLogs.class, ServiceLogs.class);
        if (logs != null) {
            logs.printErrorsSinceMark(running().launcher().instances());
        }
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(ExtensionContext.Namespace.create(SuiteExtension.class, context.getUniqueId()));
    }

    static RunningSuite running() {
        if (running == null) {
            throw new IllegalStateException("the suite is not started: extend SystemTest");
        }
        return running;
    }
}
