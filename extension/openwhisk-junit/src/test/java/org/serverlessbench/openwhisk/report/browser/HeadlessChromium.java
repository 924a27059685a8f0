package org.serverlessbench.openwhisk.report.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol on 127.0.0.1: open a page, evaluate script in it,
 * take a screenshot, and collect console errors and uncaught exceptions. Everything it started is stopped and
 * removed on {@link #close()}.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://127\\.0\\.0\\.1:(\\d+)/\\S+)");

    private final Process process;
    private final Path profile;
    private final OkHttpClient http;
    private final WebSocket socket;
    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    private HeadlessChromium(Process process, Path profile, OkHttpClient http, String pageSocketUrl) {
        this.process = process;
        this.profile = profile;
        this.http = http;
        this.socket = http.newWebSocket(new Request.Builder().url(pageSocketUrl).build(), new Listener());
    }

    /** The Chromium executable: {@code /usr/bin/chromium} unless {@code CHROMIUM} names another. */
    public static Path executable() {
        String configured = System.getenv("CHROMIUM");
        return Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
    }

    public static HeadlessChromium start() throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("openwhisk-report-chromium");
        ProcessBuilder command = new ProcessBuilder(executable().toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=" + profile,
                "--window-size=1280,2000", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // Chromium puts its singleton socket directory (org.chromium.Chromium.*) in TMPDIR: inside the profile, it
        // goes with the profile on close instead of staying in /tmp.
        command.environment().put("TMPDIR", profile.toString());
        Process process = command.start();
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(TIMEOUT).build();
        try {
            int port = devToolsPort(process);
            String pageSocket = pageSocketUrl(http, port);
            HeadlessChromium browser = new HeadlessChromium(process, profile, http, pageSocket);
            browser.call("Runtime.enable", null);
            browser.call("Log.enable", null);
            browser.call("Page.enable", null);
            return browser;
        } catch (IOException | RuntimeException e) {
            stop(process, profile, http);
            throw e;
        }
    }

    private static int devToolsPort(Process process) throws IOException {
        BufferedReader stderr = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = stderr.readLine()) != null) {
            Matcher matcher = DEVTOOLS.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> stderr.lines().forEach(ignored -> { }), "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(matcher.group(2));
            }
            seen.add(line);
        }
        throw new IOException("Chromium (" + executable() + ") exited before it listened for DevTools: " + seen);
    }

    private static String pageSocketUrl(OkHttpClient http, int port) throws IOException {
        try (Response response = http.newCall(new Request.Builder()
                .url("http://127.0.0.1:" + port + "/json/list").build()).execute()) {
            JsonNode targets = new ObjectMapper().readTree(response.body().string());
            for (JsonNode target : targets) {
                if ("page".equals(target.path("type").asText())) {
                    return target.path("webSocketDebuggerUrl").asText();
                }
            }
            throw new IOException("Chromium lists no page target: " + targets);
        }
    }

    /** Opens {@code file} and waits for its load event. */
    public void open(Path file) {
        loaded = new CompletableFuture<>();
        ObjectNode params = mapper.createObjectNode().put("url", file.toUri().toString());
        call("Page.navigate", params);
        loaded.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** The value of {@code expression}, evaluated in the page and returned by value. */
    public JsonNode evaluate(String expression) {
        ObjectNode params = mapper.createObjectNode().put("expression", expression).put("returnByValue", true);
        JsonNode result = call("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("Script failed in the page: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** A PNG of the whole page. */
    public byte[] screenshot() {
        ObjectNode params = mapper.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        return Base64.getDecoder().decode(call("Page.captureScreenshot", params).path("data").asText());
    }

    /** Console errors, failed loads and uncaught exceptions seen so far. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    private JsonNode call(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        ObjectNode message = mapper.createObjectNode().put("id", id).put("method", method);
        if (params != null) {
            message.set("params", params);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.send(message.toString());
        return answer.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    private final class Listener extends WebSocketListener {
        @Override
        public void onMessage(WebSocket webSocket, String text) {
            JsonNode message;
            try {
                message = mapper.readTree(text);
            } catch (IOException e) {
                errors.add("unreadable DevTools message: " + text);
                return;
            }
            if (message.has("id")) {
                CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
                if (answer != null) {
                    if (message.has("error")) {
                        answer.completeExceptionally(new IllegalStateException("DevTools: " + message.get("error")));
                    } else {
                        answer.complete(message.path("result"));
                    }
                }
                return;
            }
            JsonNode params = message.path("params");
            switch (message.path("method").asText()) {
                case "Page.loadEventFired" -> loaded.complete(null);
                case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails"));
                case "Runtime.consoleAPICalled" -> {
                    if ("error".equals(params.path("type").asText())) {
                        errors.add("console.error: " + params.path("args"));
                    }
                }
                case "Log.entryAdded" -> {
                    if ("error".equals(params.path("entry").path("level").asText())) {
                        errors.add("log: " + params.path("entry").path("text").asText() + " "
                                + params.path("entry").path("url").asText());
                    }
                }
                default -> { }
            }
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            pending.values().forEach(answer -> answer.completeExceptionally(t));
            loaded.completeExceptionally(t);
        }
    }

    @Override
    public void close() {
        socket.close(1000, null);
        stop(process, profile, http);
    }

    private static void stop(Process process, Path profile, OkHttpClient http) {
        // Every process of the browser must be gone before the profile is deleted: one still running writes into it.
        List<ProcessHandle> processes = new ArrayList<>(process.descendants().toList());
        processes.add(process.toHandle());
        processes.forEach(ProcessHandle::destroyForcibly);
        try {
            for (ProcessHandle handle : processes) {
                handle.onExit().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // left to the OS; the profile deletion below takes what it can
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // the profile is a temp folder; a file Chromium still held is left to the OS
        }
    }
}
