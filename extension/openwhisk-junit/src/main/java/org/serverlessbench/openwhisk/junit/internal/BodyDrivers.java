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

    static BodyDrivers standard() {
        return new BodyDrivers(List.of(
                new LoadDriver(),
                new ConcurrencyDriver()));
    }

    Optional<BodyDriver> forMethod(Method method) {
        return drivers.stream().filter(driver -> driver.appliesTo(method)).findFirst();
    }
}
