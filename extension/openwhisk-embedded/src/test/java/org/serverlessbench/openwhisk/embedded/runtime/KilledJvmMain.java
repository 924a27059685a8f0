package org.serverlessbench.openwhisk.embedded.runtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.serverlessbench.openwhisk.embedded.EmbeddedOpenWhisk;

/**
 * Run by {@link KilledJvmTest} in a child JVM that it then kills with SIGKILL. With {@code server}, starts an embedded
 * OpenWhisk with warm nodejs, python and java containers and a container whose action double-forked a process; with
 * {@code factory}, only a factory with the double-forking container. Prints {@code owner <id>} (the prefix of its
 * run ids), {@code pid <n>} for
 * each action process and forked process, {@code reaper <pid>}, then {@code ready}, and waits to be killed.
 */
public final class KilledJvmMain {

    static final String DOUBLE_FORK = "const { execSync } = require('child_process');"
            + " function main() { const pid = Number(String(execSync('setsid sleep 600 > /dev/null 2>&1 & echo $!',"
            + " {shell: '/bin/sh'})).trim()); return {pid}; }";
    private static final Pattern PID = Pattern.compile("\"pid\":(\\d+)");

    private KilledJvmMain() {
    }

    public static void main(String[] args) throws Exception {
        Path workParent = Path.of(args[1]);
        System.out.println("owner " + RunOwner.current().id());
        if (args[0].equals("server")) {
            EmbeddedOpenWhisk openWhisk = EmbeddedOpenWhisk.newBuilder().workDirectory(workParent)
                    .prewarm("nodejs:20", 0).start();
            String java = "{\"exec\":{\"kind\":\"java:8\",\"binary\":true,\"main\":\"demo.Pid\",\"code\":\""
                    + JavaActionJars.build(Map.of("demo.Pid", "package demo;\n"
                    + "public class Pid { public static com.google.gson.JsonObject main(com.google.gson.JsonObject a) {"
                    + " com.google.gson.JsonObject r = new com.google.gson.JsonObject();"
                    + " r.addProperty(\"pid\", ProcessHandle.current().pid()); return r; } }")) + "\"}}";
            deployAndInvoke(openWhisk, "node", code("nodejs:20", "function main() { return {pid: process.pid}; }"));
            deployAndInvoke(openWhisk, "python", code("python:3.11",
                    "import os\\ndef main(args):\\n    return {'pid': os.getpid()}\\n"));
            deployAndInvoke(openWhisk, "java", java);
            deployAndInvoke(openWhisk, "fork", code("nodejs:20", DOUBLE_FORK));
        } else {
            ProcessContainerFactory factory = new ProcessContainerFactory(workParent);
            ProcessContainer container = (ProcessContainer) factory.create("nodejs:20", 256, Map.of());
            System.out.println("pid " + container.process().pid());
            container.init(RuntimeMessages.init(DOUBLE_FORK, "main"), Duration.ofSeconds(20));
            String answer = container.run(RuntimeMessages.run(Map.of()), Duration.ofSeconds(20)).body();
            System.out.println("pid " + pid(answer));
            factory.reaperPid().ifPresent(pid -> System.out.println("reaper " + pid));
        }
        System.out.println("ready");
        System.out.flush();
        Thread.currentThread().join();
    }

    private static String code(String kind, String source) {
        return "{\"exec\":{\"kind\":\"" + kind + "\",\"code\":\"" + source.replace("\"", "\\\"") + "\"}}";
    }

    private static void deployAndInvoke(EmbeddedOpenWhisk openWhisk, String name, String action) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString(openWhisk.auth().getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create(openWhisk.apiHost() + "/api/v1/namespaces/_/actions/" + name);
        HttpResponse<String> put = client.send(HttpRequest.newBuilder(uri).header("Authorization", auth)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(action)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() != 200) {
            throw new IllegalStateException("PUT " + name + ": " + put.statusCode() + " " + put.body());
        }
        HttpResponse<String> result = client.send(HttpRequest.newBuilder(URI.create(uri + "?blocking=true&result=true"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("pid " + pid(result.body()));
    }

    private static long pid(String answer) {
        Matcher matcher = PID.matcher(answer);
        if (!matcher.find()) {
            throw new IllegalStateException("no pid in " + answer);
        }
        return Long.parseLong(matcher.group(1));
    }
}
