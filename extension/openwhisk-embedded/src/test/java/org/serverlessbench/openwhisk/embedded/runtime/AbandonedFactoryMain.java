package org.serverlessbench.openwhisk.embedded.runtime;

import java.util.Map;

/**
 * Starts a nodejs container, prints the pid of its process and its work directory, and exits without closing the
 * factory: the shutdown hook must clean up. Run by {@link ShutdownHookTest} in a separate JVM.
 */
public final class AbandonedFactoryMain {

    private AbandonedFactoryMain() {
    }

    public static void main(String[] args) throws Exception {
        ProcessContainerFactory factory = new ProcessContainerFactory();
        ActionContainer container = factory.create("nodejs:20", 128, Map.of());
        System.out.println(((ProcessContainer) container).process().pid());
        System.out.println(factory.workDirectory());
        System.out.flush();
        System.exit(0);
    }
}
