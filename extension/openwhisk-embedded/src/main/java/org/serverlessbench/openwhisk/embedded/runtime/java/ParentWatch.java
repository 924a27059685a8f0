package org.serverlessbench.openwhisk.embedded.runtime.java;

import java.io.IOException;
import java.io.InputStream;

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
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        Runtime.getRuntime().halt(0);
    }
}
