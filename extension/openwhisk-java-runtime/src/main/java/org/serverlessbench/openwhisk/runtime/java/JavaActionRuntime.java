package org.serverlessbench.openwhisk.runtime.java;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The java:8 action runtime: a child JVM serving {@code POST /init} and {@code POST /run} on
 * {@code 127.0.0.1:<port>} with the answers of the official OpenWhisk Java runtime, one request at a time.
 * Usage: {@code java -cp <this class and gson> JavaActionRuntime <port>}. With port 0 it binds any free port and,
 * once listening, prints {@link #PORT_ANNOUNCEMENT} and the port as a line on stdout: the parent never picks a port
 * for it that another process could take in the meantime.
 */
public final class JavaActionRuntime {

    private static final String SENTINEL = "XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX";
    /** As the embedded OpenWhisk's {@code ProcessOutput} expects it. */
    static final String PORT_ANNOUNCEMENT = "XXX_OPENWHISK_RUNTIME_LISTENS_ON_PORT_XXX ";

    private final ActivationEnvironment environment = ActivationEnvironment.open();
    private ActionEntryPoint action;

    private JavaActionRuntime() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("Usage: java " + JavaActionRuntime.class.getName() + " <port>");
            System.exit(2);
        }
        // Only a process runtime has a parent JVM at the other end of stdin; in a Docker container stdin is closed.
        if (System.getenv("OPENWHISK_EMBEDDED_PROCESS") != null) {
            ParentWatch.startInBackground();
        }
        StartupWarmup.startInBackground();
        JavaActionRuntime runtime = new JavaActionRuntime();
        int port = Integer.parseInt(args[0]);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/init", new Route(runtime, true));
        server.createContext("/run", new Route(runtime, false));
        server.start();
        if (port == 0) {
            System.out.println(PORT_ANNOUNCEMENT.concat(Integer.toString(server.getAddress().getPort())));
            System.out.flush();
        }
    }

    /**
     * A named class rather than lambdas: every lambda and every {@code +} on strings bootstraps an invokedynamic call
     * site, which costs tens of milliseconds in a freshly started JVM and would count into the cold start.
     */
    private static final class Route implements HttpHandler {
        private final JavaActionRuntime runtime;
        private final boolean init;

        Route(JavaActionRuntime runtime, boolean init) {
            this.runtime = runtime;
            this.init = init;
        }

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            runtime.serve(exchange, init);
        }
    }

    private static final class Answer {
        private final int status;
        private final String body;

        Answer(int status, String body) {
            this.status = status;
            this.body = body;
        }

        static Answer error(String message) {
            JsonObject error = new JsonObject();
            error.addProperty("error", message);
            return new Answer(502, error.toString());
        }

        int status() {
            return status;
        }

        String body() {
            return body;
        }
    }

    private void serve(HttpExchange exchange, boolean initRoute) throws IOException {
        Answer answer;
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer = new Answer(404, "{\"error\":\"Use POST /init or POST /run.\"}");
        } else {
            try (Reader body = new InputStreamReader(exchange.getRequestBody(), StandardCharsets.UTF_8)) {
                JsonElement message = JsonParser.parseReader(body);
                JsonObject object = message.isJsonObject() ? message.getAsJsonObject() : new JsonObject();
                answer = initRoute ? init(object) : run(object);
            } catch (RuntimeException e) {
                answer = Answer.error("The request is not a JSON object: " + e);
            }
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Answer init(JsonObject message) {
        if (action != null) {
            System.err.println("Cannot initialize the action more than once.");
            return Answer.error("Cannot initialize the action more than once.");
        }
        JsonObject value = message.has("value") && message.get("value").isJsonObject()
                ? message.getAsJsonObject("value") : new JsonObject();
        String main = text(value, "main");
        String code = text(value, "code");
        if (main == null || main.isEmpty() || code == null || code.isEmpty()) {
            return Answer.error("Missing main/no code to execute.");
        }
        try {
            action = ActionEntryPoint.load(code, main);
            return new Answer(200, "OK");
        } catch (Exception | LinkageError e) {
            e.printStackTrace(System.err);
            writeSentinels();
            return Answer.error("An error has occurred (see logs for details): " + e);
        }
    }

    private Answer run(JsonObject message) {
        if (action == null) {
            return Answer.error("Cannot invoke an uninitialized action.");
        }
        try {
            for (Map.Entry<String, JsonElement> entry : message.entrySet()) {
                if (!"value".equals(entry.getKey()) && entry.getValue().isJsonPrimitive()) {
                    environment.put("__OW_".concat(entry.getKey().toUpperCase()), entry.getValue().getAsString());
                }
            }
            JsonElement value = message.has("value") && !message.get("value").isJsonNull()
                    ? message.get("value") : new JsonObject();
            return new Answer(200, action.invoke(value).toString());
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            cause.printStackTrace(System.err);
            return Answer.error("An error has occurred while invoking the action (see logs for details): " + cause);
        } catch (Exception | Error e) {
            e.printStackTrace(System.err);
            return Answer.error("An error has occurred (see logs for details): " + e);
        } finally {
            writeSentinels();
        }
    }

    private static String text(JsonObject object, String name) {
        JsonElement element = object.get(name);
        return element != null && element.isJsonPrimitive() ? element.getAsString() : null;
    }

    private static void writeSentinels() {
        System.out.println(SENTINEL);
        System.err.println(SENTINEL);
        System.out.flush();
        System.err.flush();
    }
}
