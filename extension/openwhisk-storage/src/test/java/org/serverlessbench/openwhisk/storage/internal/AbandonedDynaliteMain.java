package org.serverlessbench.openwhisk.storage.internal;

import java.nio.file.Path;

/** Starts dynalite, prints its pid and waits to be killed, never closing it: the orphan test's child JVM. */
public final class AbandonedDynaliteMain {

    private AbandonedDynaliteMain() {
    }

    public static void main(String[] args) throws Exception {
        DynaliteServer server = DynaliteServer.start(Path.of(args[0]));
        System.out.println("dynalite " + server.pid());
        System.out.flush();
        new java.util.concurrent.CountDownLatch(1).await();
    }
}
