package org.serverlessbench.openwhisk.junit.internal;

import java.lang.reflect.Method;

/**
 * Runs a test's body as an experiment demands (how often, when, on how many threads) instead of once. Drivers are
 * chosen by the test method's annotations in {@link BodyDrivers}.
 */
interface BodyDriver {

    /** Whether this driver runs the body of {@code method}. */
    boolean appliesTo(Method method);

    /** Runs {@code body} as this experiment demands; a failure of the body fails the test. */
    void drive(TestBody body) throws Throwable;
}
