package org.serverlessbench.openwhisk.embedded.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.init;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.json;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.run;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runtime processes bind their port themselves and announce it, so that no other process can take it between its
 * choice and the bind (observed under parallel builds: {@code /init} answered 403 by a stranger on the port).
 */
class RuntimePortsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String FORBIDDEN = "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

    @TempDir
    Path temp;

    /**
     * The race made certain: a {@code node} that, before the real runtime starts, lets a stranger listen on the port
     * it was told to use. A parent that chose the port sends {@code /init} to the stranger (403); with port 0 there
     * is nothing to take, and the stranger never starts.
     */
    @Test
    void aStrangerTakingThePortBeforeTheRuntimeBindsItCannotAnswerForIt() throws Exception {
        Path node = ExecutableLookup.onPath("node", System.getenv("PATH")).orElseThrow();
        Path python = ExecutableLookup.onPath("python3", System.getenv("PATH")).orElseThrow();
        Path strangerLog = temp.resolve("stranger.log");
        // Listens on the port, then forks: the parent returns once the port is taken; the child answers 403.
        String stranger = "import os, socket, sys\n"
                + "s = socket.socket(); s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen(16)\n"
                + "open(sys.argv[2], 'a').write(sys.argv[1] + '\\n')\n"
                + "if os.fork(): os._exit(0)\n"
                + "while True:\n"
                + "    c = s.accept()[0]; c.recv(65536); c.sendall(b'" + FORBIDDEN.replace("\r\n", "\\r\\n")
                + "'); c.close()\n";
        Path strangerScript = Files.writeString(temp.resolve("stranger.py"), stranger);
        // node --max-old-space-size=<mb> nodejs-proxy.js <port> <directory>
        Path bin = fakeProgram("node", "#!/bin/sh\n"
                + "if [ \"$3\" != 0 ]; then " + python + " " + strangerScript + " \"$3\" " + strangerLog + "; fi\n"
                + "exec " + node + " \"$@\"\n");
        try (ProcessContainerFactory factory = new ProcessContainerFactory(temp.resolve("work"), bin.toString());
             ActionContainer container = factory.create("nodejs:20", 128, Map.of())) {
            assertThat(container.init(init("function main(a) { return {n: a.n + 1}; }", "main"), TIMEOUT)
                    .statusCode()).isEqualTo(200);
            assertThat(json(container.run(run(Map.of("n", 41)), TIMEOUT)).get("n").asInt()).isEqualTo(42);
            assertListensOnItsOwnSocket((ProcessContainer) container);
        }
        assertThat(strangerLog).doesNotExist();
    }

    /** Every kind listens where it announced, on a socket of its own process, among strangers on other ports. */
    @Test
    void everyKindListensOnTheSocketItAnnouncedAmongStrangers() throws Exception {
        List<ServerSocket> strangers = new ArrayList<>();
        List<Thread> answering = new ArrayList<>();
        Set<Integer> strangerPorts = new HashSet<>();
        try (ProcessContainerFactory factory = new ProcessContainerFactory(temp)) {
            for (int i = 0; i < 16; i++) {
                ServerSocket socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
                strangers.add(socket);
                strangerPorts.add(socket.getLocalPort());
                Thread thread = new Thread(() -> answerForbidden(socket), "stranger-" + socket.getLocalPort());
                thread.setDaemon(true);
                thread.start();
                answering.add(thread);
            }
            Map<String, String> codes = Map.of(
                    "nodejs:20", init("function main(a) { return {kind: 'node'}; }", "main"),
                    "python:3.11", init("def main(a):\n    return {'kind': 'python'}\n", "main"),
                    "java:8", init(JavaActionJars.build(Map.of("demo.Kind", """
                            package demo;
                            import com.google.gson.JsonObject;
                            public class Kind {
                                public static JsonObject main(JsonObject args) {
                                    JsonObject result = new JsonObject();
                                    result.addProperty("kind", "java");
                                    return result;
                                }
                            }
                            """)), "demo.Kind", true, Map.of()));
            for (String kind : factory.kinds()) {
                try (ActionContainer container = factory.create(kind, 256, Map.of())) {
                    ProcessContainer process = (ProcessContainer) container;
                    assertThat(process.port()).isNotIn(strangerPorts);
                    assertListensOnItsOwnSocket(process);
                    assertThat(container.init(codes.get(kind), TIMEOUT).statusCode()).as(kind).isEqualTo(200);
                    assertThat(json(container.run(run(Map.of()), TIMEOUT)).get("kind").asText())
                            .isEqualTo(kind.substring(0, kind.indexOf(':')).replace("nodejs", "node"));
                    assertThat(container.drainLogs(Duration.ofSeconds(5))).extracting(LogLine::text)
                            .noneMatch(text -> text.contains(RuntimeHttp.PORT_ANNOUNCEMENT.strip()));
                }
            }
        } finally {
            for (ServerSocket socket : strangers) {
                socket.close();
            }
            for (Thread thread : answering) {
                thread.join(5_000);
            }
        }
    }

    @Test
    void aMalformedAnnouncementIsRefused() throws Exception {
        Path bin = fakeProgram("node", "#!/bin/sh\necho '" + RuntimeHttp.PORT_ANNOUNCEMENT + "99999'\n"
                + "exec sleep 60\n");
        try (ProcessContainerFactory factory = new ProcessContainerFactory(temp, bin.toString())) {
            assertThatThrownBy(() -> factory.create("nodejs:20", 128, Map.of()))
                    .isInstanceOf(ContainerStartException.class)
                    .hasMessageContaining("nodejs-1 did not listen on a port")
                    .hasMessageContaining("announced a port that is not one: '99999'");
        }
    }

    private static void answerForbidden(ServerSocket socket) {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept(); OutputStream out = client.getOutputStream()) {
                client.setSoTimeout(1_000);
                client.getInputStream().read(new byte[65_536]);
                out.write(FORBIDDEN.getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closedOrReset) {
                // closed at the end of the test, or a client that went away
            }
        }
    }

    /** The listening socket on the container's port is one of its process's open files (Linux {@code /proc}). */
    private static void assertListensOnItsOwnSocket(ProcessContainer container) throws IOException {
        String inode = listeningInode(container.port());
        assertThat(inode).as("a socket listening on 127.0.0.1:%d", container.port()).isNotNull();
        Set<String> sockets = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(
                container.process().pid()), "fd"))) {
            for (Path fd : fds) {
                try {
                    sockets.add(Files.readSymbolicLink(fd).toString());
                } catch (IOException closedMeanwhile) {
                    // an fd closed while listing
                }
            }
        }
        assertThat(sockets).as("open files of %s", container).contains("socket:[" + inode + "]");
    }

    /**
     * The inode of the socket in state LISTEN on 127.0.0.1:{@code port}, from {@code /proc/net/tcp}, or from
     * {@code /proc/net/tcp6} as {@code ::ffff:127.0.0.1} (a JVM binds IPv4 addresses on IPv6 sockets).
     */
    private static String listeningInode(int port) throws IOException {
        String hexPort = ":" + String.format(Locale.ROOT, "%04X", port);
        Map<String, String> addresses = Map.of("/proc/net/tcp", "0100007F" + hexPort,
                "/proc/net/tcp6", "0000000000000000FFFF00000100007F" + hexPort);
        for (Map.Entry<String, String> table : addresses.entrySet()) {
            for (String line : Files.readAllLines(Path.of(table.getKey()))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 9 && fields[1].equals(table.getValue()) && fields[3].equals("0A")) {
                    return fields[9];
                }
            }
        }
        return null;
    }

    private Path fakeProgram(String name, String script) throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path program = bin.resolve(name);
        Files.writeString(program, script);
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }
}
