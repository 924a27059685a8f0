package org.serverlessbench.openwhisk.junit.internal;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/** The experiment drivers, in the order in which they are asked; the first that applies runs the body. */
final class BodyDrivers {

    private final List<BodyDriver> drivers;

    BodyDrivers(List<BodyDriver> drivers) {
        this.drivers = List.copyOf(drivers);
    }

    /**
     * The drivers of the extension. An experiment's template dimensions ({@code @MemorySizes}, {@code @Trials},
     * {@code @PayloadSizes}, {@code @Mode}, {@code @IdleTimes}) are applied around each template invocation by
     * {@link ExperimentTemplates}, whatever driver then runs the body; the drivers here decide only how the body runs
     * inside one point, and exactly one of them applies to a method.
     */
    static BodyDrivers standard() {
        return new BodyDrivers(List.of(
                new LoadDriver(),
                new ConcurrencyDriver(),
                new SamplingDriver()));
    }

    Optional<BodyDriver> forMethod(Method method) {
        return drivers.stream().filter(driver -> driver.appliesTo(method)).findFirst();
    }
}
