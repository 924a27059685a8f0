package org.serverlessbench.openwhisk.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar openwhisk-standalone.jar [--port 3233] [--auth uuid:secret] [--memory 4096]}: the embedded
 * OpenWhisk as a standalone server, stopped with its action processes by Ctrl-C.
 */
public final class EmbeddedOpenWhiskMain {
    static final int DEFAULT_PORT = 3233;

    private EmbeddedOpenWhiskMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        EmbeddedOpenWhisk.Builder builder;
        try {
            builder = parse(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println();
            usage(System.err);
            System.exit(2);
            return;
        }
        if (builder == null) {
            return;
        }
        EmbeddedOpenWhisk openWhisk = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the embedded OpenWhisk and its action processes");
            openWhisk.close();
            stopped.countDown();
        }, "embedded-openwhisk-shutdown"));
        System.out.println("Embedded OpenWhisk listening on " + openWhisk.apiHost() + " (namespace '"
                + openWhisk.namespace() + "'); Ctrl-C stops it.");
        System.out.println("Configure the wsk CLI with:");
        System.out.println();
        System.out.println("wsk property set --apihost '" + openWhisk.apiHost() + "' --auth '" + openWhisk.auth()
                + "'");
        System.out.println();
        stopped.await();
    }

    /** The builder for {@code args}, or {@code null} after printing help; bad arguments throw. */
    static EmbeddedOpenWhisk.Builder parse(String[] args, PrintStream out) {
        EmbeddedOpenWhisk.Builder builder = EmbeddedOpenWhisk.newBuilder().port(DEFAULT_PORT);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> {
                    usage(out);
                    return null;
                }
                case "-p", "--port" -> builder.port(integer(arg, value(args, ++i, arg)));
                case "--auth" -> builder.auth(value(args, ++i, arg));
                case "-m", "--memory" -> builder.memoryCapacityMb(integer(arg, value(args, ++i, arg)));
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return builder;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
        }
    }

    static void usage(PrintStream out) {
        out.println("Usage: java -jar openwhisk-standalone.jar [options]");
        out.println();
        out.println("Runs an embedded Apache OpenWhisk (REST API v1, actions as local processes) on 127.0.0.1.");
        out.println();
        out.println("Options:");
        out.println("  -p, --port <port>     port on 127.0.0.1 (default " + DEFAULT_PORT + ", 0 for any free port)");
        out.println("      --auth <key>      accepted key uuid:secret (default: OpenWhisk standalone's guest key)");
        out.println("  -m, --memory <mb>     memory capacity for action processes (default 4096)");
        out.println("  -h, --help            show this help");
    }
}
