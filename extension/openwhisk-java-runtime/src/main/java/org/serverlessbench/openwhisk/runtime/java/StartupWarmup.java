package org.serverlessbench.openwhisk.runtime.java;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/**
 * Loads, on a background thread while the server starts and waits for {@code /init}, what the first requests need
 * and a fresh JVM loads slowly: the time zone names behind the HTTP server's {@code Date} header (about 60 ms), Gson's
 * type adapters, and the class loading machinery for the action jar. Only class initialisation: no output, no state.
 */
final class StartupWarmup implements Runnable {

    static void startInBackground() {
        Thread thread = new Thread(new StartupWarmup(), "startup-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    @Override
    public void run() {
        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US).withZone(ZoneId.of("GMT"))
                .format(Instant.now());
        JsonParser.parseString("{\"value\":{\"list\":[1,\"two\",true,null,2.5]}}").toString();
        Base64.getMimeDecoder().decode("UEsDBA==");
        try (URLClassLoader loader = new URLClassLoader(new URL[0], StartupWarmup.class.getClassLoader())) {
            loader.getParent();
        } catch (IOException ignored) {
            // nothing was opened
        }
    }
}
