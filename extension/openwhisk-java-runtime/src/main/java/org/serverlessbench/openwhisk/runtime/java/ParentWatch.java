package org.serverlessbench.openwhisk.runtime.java;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Ends the runtime JVM, and the processes its action started, when the JVM that started it dies: only that JVM holds
 * the other end of stdin, so end of file on stdin means it is gone, however it died.
 */
final class ParentWatch implements Runnable {

    private final InputStream stdin;

    private ParentWatch(InputStream stdin) {
        this.stdin = stdin;
    }

    static void startInBackground() {
        Thread thread = new Thread(new ParentWatch(System.in), "exit-with-parent");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        byte[] buffer = new byte[4096];
        try {
            while (stdin.read(buffer) >= 0) {
                // nothing is ever sent; reading only waits for end of file
            }
        } catch (IOException closed) {
            // the same as end of file
        }
        destroyDescendants();
        Runtime.getRuntime().halt(0);
    }

    /**
     * Kills the processes the action started. This class is compiled for Java 8, which has no ProcessHandle, so it is
     * looked up at run time; on a Java 8 JVM the run's reaper still kills them by their environment marker.
     */
    private static void destroyDescendants() {
        try {
            Class<?> handle = Class.forName("java.lang.ProcessHandle");
            Object current = handle.getMethod("current").invoke(null);
            Method destroy = handle.getMethod("destroyForcibly");
            Stream<?> descendants = (Stream<?>) handle.getMethod("descendants").invoke(current);
            Iterator<?> each = descendants.iterator();
            while (each.hasNext()) {
                destroy.invoke(each.next());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a Java 8 JVM, or a process already gone: the reaper's sweep covers what is left
        }
    }
}
