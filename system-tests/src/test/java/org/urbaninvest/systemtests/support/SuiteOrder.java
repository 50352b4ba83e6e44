package org.urbaninvest.systemtests.support;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Order;

/**
 * The order of the system test classes: classes that start their own processes (not {@link SystemTest}s) first,
 * while the shared suite is not running yet and the machine is theirs; then the system tests by {@link Order}, so
 * that the scenarios that break things (kills, outages) come after those that only use the suite.
 */
public final class SuiteOrder implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparing((ClassDescriptor d) -> SystemTest.class.isAssignableFrom(d.getTestClass()))
                .thenComparingInt(d -> d.findAnnotation(Order.class).map(Order::value).orElse(Order.DEFAULT)));
    }
}
