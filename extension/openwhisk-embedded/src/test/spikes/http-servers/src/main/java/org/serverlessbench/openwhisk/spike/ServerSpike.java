package org.serverlessbench.openwhisk.spike;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Spike for issue 8 (docs/embedded-benchmark.md, "Other servers"): the same blocking request (read a small body,
 * make a blocking HTTP call to a node backend, answer about 600 bytes of JSON with three extra headers) on a
 * thread-per-connection blocking server (the old server's design, with a minimal parser: a baseline only), Jetty 12
 * core, Netty 4.2 (NIO and epoll, the blocking work on a worker thread) and Undertow 2.3 (dispatched to a worker). A
 * raw-socket client calls each in interleaved blocks of 500, with the direct backend call as the floor; besides the
 * percentiles it prints the JVM's voluntary context switches per call.
 */
public final class ServerSpike {
    static final byte[] ANSWER = ("{\"activationId\":\"0123456789abcdef0123456789abcdef\",\"annotations\":["
            + "{\"key\":\"path\",\"value\":\"guest/noop\"},{\"key\":\"waitTime\",\"value\":0},{\"key\":\"kind\","
            + "\"value\":\"nodejs:20\"},{\"key\":\"timeout\",\"value\":false},{\"key\":\"limits\",\"value\":{"
            + "\"concurrency\":1,\"logs\":10,\"memory\":256,\"timeout\":60000}}],\"duration\":1,\"end\":1764600000001,"
            + "\"logs\":[],\"name\":\"noop\",\"namespace\":\"guest\",\"publish\":false,\"response\":{\"result\":{},"
            + "\"size\":2,\"status\":\"success\",\"success\":true},\"start\":1764600000000,\"subject\":\"guest\","
            + "\"version\":\"0.0.1\"}").getBytes(StandardCharsets.UTF_8);
    static final MediaType JSON = MediaType.get("application/json");
    static final String RUN = "{\"value\":{},\"namespace\":\"guest\",\"action_name\":\"/guest/noop\","
            + "\"activation_id\":\"0123456789abcdef0123456789abcdef\",\"deadline\":\"99999999999999\"}";
    static OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    static okhttp3.HttpUrl backend;

    static void callBackend() {
        try (okhttp3.Response r = http.newCall(new okhttp3.Request.Builder().url(backend)
                .post(RequestBody.create(RUN, JSON)).build()).execute()) {
            r.body().bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        int warmup = Integer.getInteger("warmup", 3000);
        int n = Integer.getInteger("n", 5000);
        int block = 500;
        Path script = Files.writeString(Files.createTempFile("backend", ".js"),
                "const http=require('http');const s=http.createServer((q,r)=>{const c=[];q.on('data',d=>c.push(d));"
                + "q.on('end',()=>{const b='{}';r.writeHead(200,{'Content-Type':'application/json',"
                + "'Content-Length':b.length});r.end(b);});});s.keepAliveTimeout=0;"
                + "s.listen(0,'127.0.0.1',()=>console.log(s.address().port));");
        Process node = new ProcessBuilder("node", script.toString()).redirectErrorStream(true).start();
        try {
            int backendPort = Integer.parseInt(new java.io.BufferedReader(new java.io.InputStreamReader(
                    node.getInputStream())).readLine().trim());
            backend = okhttp3.HttpUrl.get("http://127.0.0.1:" + backendPort + "/run");
            List<String> names = new ArrayList<>();
            List<Runnable> calls = new ArrayList<>();
            List<AutoCloseable> servers = new ArrayList<>();
            names.add("floor (direct backend call)");
            calls.add(ServerSpike::callBackend);
            String chosen = System.getProperty("servers", "blocking,jetty,netty-nio,netty-epoll,undertow");
            for (String server : chosen.split(",")) {
                switch (server) {
                    case "blocking" -> add("thread per connection (blocking)", ServerSpike::blocking, names, calls,
                            servers);
                    case "jetty" -> add("Jetty 12.1.14 core, BLOCKING handler", ServerSpike::jetty, names, calls,
                            servers);
                    case "jetty-noreserved" -> add("Jetty, no reserved threads",
                            new JettyVariants(0, false, false, false)::start, names, calls, servers);
                    case "jetty-tuned" -> add("Jetty, no Date, pre-encoded fields, body buffer",
                            new JettyVariants(-1, true, false, false)::start, names, calls, servers);
                    case "jetty-nonblocking" -> add("Jetty, NON_BLOCKING handler (reference)",
                            new JettyVariants(-1, false, false, true)::start, names, calls, servers);
                    case "jetty-threadconn" -> add("Jetty, thread per connection connector",
                            new JettyVariants(-1, false, true, false)::start, names, calls, servers);
                    case "jetty-threadconn-tuned" -> add("Jetty, thread per connection, tuned",
                            new JettyVariants(-1, true, true, false)::start, names, calls, servers);
                    case "netty-nio" -> add("Netty 4.2.18 NIO, handler on a worker", () -> netty(
                            NioIoHandler.newFactory(), NioServerSocketChannel.class), names, calls, servers);
                    case "netty-epoll" -> add("Netty 4.2.18 epoll, handler on a worker", () -> netty(
                            EpollIoHandler.newFactory(), EpollServerSocketChannel.class), names, calls, servers);
                    case "undertow" -> add("Undertow 2.3.21, dispatched to worker", ServerSpike::undertow, names,
                            calls, servers);
                    default -> throw new IllegalArgumentException("unknown server " + server);
                }
            }
            for (int i = 0; i < warmup; i++) {
                calls.forEach(Runnable::run);
            }
            java.util.Map<String, Long> before = perThread();
            long[][] t = new long[calls.size()][n];
            long[] cs = new long[calls.size()];
            long[] cpu = new long[calls.size()];
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            for (int from = 0, round = 0; from < n; from += block, round++) {
                for (int k = 0; k < calls.size(); k++) {
                    int s = round % 2 == 0 ? k : (k == 0 ? 0 : calls.size() - k);
                    long cs0 = switches();
                    long cpu0 = os.getProcessCpuTime();
                    for (int i = from; i < from + block; i++) {
                        long start = System.nanoTime();
                        calls.get(s).run();
                        t[s][i] = System.nanoTime() - start;
                    }
                    cpu[s] += os.getProcessCpuTime() - cpu0;
                    cs[s] += switches() - cs0;
                }
            }
            double floor = p(t[0], 50);
            // The first server named is the baseline of the ratios (the thread-per-connection server by default).
            double base = p(t[1], 50) - floor;
            System.out.printf("n=%d per series, warmup %d rounds, load average %s%n", n, warmup,
                    Files.readString(Path.of("/proc/loadavg")).trim());
            for (int s = 0; s < calls.size(); s++) {
                double p50 = p(t[s], 50);
                System.out.printf("  %-42s p50 %.3f ms p90 %.3f ms; overhead %.3f ms; / blocking %.2f;"
                        + " JVM voluntary cs/call %.2f, CPU/call %.1f us%n", names.get(s), p50, p(t[s], 90), p50 - floor,
                        s == 0 ? 0 : (p50 - floor) / base, cs[s] / (double) n, cpu[s] / 1e3 / n);
            }
            // Which threads woke: with one server named, its own threads against the floor's (-Dservers=jetty).
            System.out.println("  voluntary context switches by thread, per " + n + " calls:");
            perThread().forEach((thread, count) -> {
                long woke = count - before.getOrDefault(thread, 0L);
                if (woke > n / 20) {
                    System.out.printf("    %-30s %.2f%n", thread, woke / (double) n);
                }
            });
            for (AutoCloseable server : servers) {
                server.close();
            }
        } finally {
            node.destroyForcibly();
        }
    }

    static java.util.Map<String, Long> perThread() throws IOException {
        java.util.Map<String, Long> m = new java.util.TreeMap<>();
        try (var tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim() + "#" + task.getFileName();
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            m.put(name, Long.parseLong(line.substring(24).trim()));
                        }
                    }
                } catch (IOException gone) {
                    // ended
                }
            }
        }
        return m;
    }

    static long switches() throws IOException {
        long sum = 0;
        try (var tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            sum += Long.parseLong(line.substring(24).trim());
                        }
                    }
                } catch (IOException gone) {
                    // ended
                }
            }
        }
        return sum;
    }

    static void add(String name, Supplier<Object[]> start, List<String> names, List<Runnable> calls,
            List<AutoCloseable> servers) {
        Object[] started = start.get();
        int port = (Integer) started[0];
        servers.add((AutoCloseable) started[1]);
        RawClient client = new RawClient(port);
        names.add(name);
        calls.add(client::invoke);
    }

    static double p(long[] v, int pct) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) (s.length * pct / 100.0))] / 1e6;
    }

    // ---- thread per connection, blocking reads (the old server's design; a spike, not a real parser) ----
    static Object[] blocking() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        socket.setTcpNoDelay(true);
                        Thread t = new Thread(() -> serveBlocking(socket));
                        t.setDaemon(true);
                        t.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            return new Object[] {server.getLocalPort(), (AutoCloseable) server::close};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void serveBlocking(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16384);
            OutputStream out = socket.getOutputStream();
            byte[] head = new byte[16384];
            while (true) {
                int len = 0;
                while (len < 4 || head[len - 1] != '\n' || head[len - 2] != '\r' || head[len - 3] != '\n'
                        || head[len - 4] != '\r') {
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    head[len++] = (byte) b;
                }
                String h = new String(head, 0, len, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                int at = h.indexOf("content-length:");
                int cl = Integer.parseInt(h.substring(at + 15, h.indexOf('\r', at)).trim());
                in.readNBytes(cl);
                callBackend();
                String rh = "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nAccess-Control-Allow-Methods: GET,"
                        + " DELETE, POST, PUT, HEAD\r\nAccess-Control-Allow-Headers: Authorization, Origin, "
                        + "X-Requested-With, Content-Type, Accept, User-Agent\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + ANSWER.length + "\r\n\r\n";
                byte[] hb = rh.getBytes(StandardCharsets.ISO_8859_1);
                byte[] all = Arrays.copyOf(hb, hb.length + ANSWER.length);
                System.arraycopy(ANSWER, 0, all, hb.length, ANSWER.length);
                out.write(all);
                out.flush();
            }
        } catch (IOException e) {
            // closed
        }
    }

    // ---- Jetty 12 core Handler, as the embedded OpenWhisk configures it ----
    static Object[] jetty() {
        try {
            QueuedThreadPool threads = new QueuedThreadPool(200, 8, 5000);
            threads.setDaemon(true);
            Server server = new Server(threads);
            HttpConfiguration config = new HttpConfiguration();
            config.setSendServerVersion(false);
            config.setSendDateHeader(true);
            ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            server.setHandler(new Handler.Abstract() {
                @Override
                public boolean handle(org.eclipse.jetty.server.Request request,
                        org.eclipse.jetty.server.Response response, org.eclipse.jetty.util.Callback callback)
                        throws Exception {
                    try (InputStream body = org.eclipse.jetty.io.Content.Source.asInputStream(request)) {
                        body.readAllBytes();
                    }
                    callBackend();
                    response.setStatus(200);
                    var f = response.getHeaders();
                    f.add("Access-Control-Allow-Origin", "*");
                    f.add("Access-Control-Allow-Methods", "GET, DELETE, POST, PUT, HEAD");
                    f.add("Access-Control-Allow-Headers",
                            "Authorization, Origin, X-Requested-With, Content-Type, Accept, User-Agent");
                    f.put(HttpHeader.CONTENT_TYPE, "application/json");
                    f.put(HttpHeader.CONTENT_LENGTH, ANSWER.length);
                    response.write(true, ByteBuffer.wrap(ANSWER), callback);
                    return true;
                }
            });
            server.start();
            return new Object[] {connector.getLocalPort(), (AutoCloseable) server::stop};
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- Netty 4.2: one event loop reads and writes; the blocking work runs on a worker thread ----
    static Object[] netty(IoHandlerFactory io, Class<? extends ServerChannel> channel) {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, io);
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(1, io);
        java.util.concurrent.ExecutorService blocking = java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "netty-blocking");
            thread.setDaemon(true);
            return thread;
        });
        try {
            var bound = new ServerBootstrap().group(boss, workers).channel(channel)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20));
                            ch.pipeline().addLast(new SimpleChannelInboundHandler<FullHttpRequest>() {
                                @Override
                                protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
                                    req.content().readableBytes();
                                    // The event loop must not block: the backend call runs on a worker thread,
                                    // whose writeAndFlush hands the answer back to the event loop.
                                    blocking.execute(() -> {
                                        callBackend();
                                        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                                                HttpResponseStatus.OK, Unpooled.wrappedBuffer(ANSWER));
                                        res.headers().add("Access-Control-Allow-Origin", "*")
                                                .add("Access-Control-Allow-Methods", "GET, DELETE, POST, PUT, HEAD")
                                                .add("Access-Control-Allow-Headers", "Authorization, Origin, "
                                                        + "X-Requested-With, Content-Type, Accept, User-Agent")
                                                .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                                                .setInt(HttpHeaderNames.CONTENT_LENGTH, ANSWER.length);
                                        ctx.writeAndFlush(res);
                                    });
                                }
                            });
                        }
                    }).bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
            int port = ((InetSocketAddress) bound.localAddress()).getPort();
            return new Object[] {port, (AutoCloseable) () -> {
                bound.close().sync();
                boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
                workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
                blocking.shutdownNow();
            }};
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- Undertow 2.3: the I/O thread dispatches to a worker, which blocks and writes ----
    static Object[] undertow() {
        HttpString origin = new HttpString("Access-Control-Allow-Origin");
        HttpString methods = new HttpString("Access-Control-Allow-Methods");
        HttpString allowed = new HttpString("Access-Control-Allow-Headers");
        io.undertow.server.HttpHandler[] handler = new io.undertow.server.HttpHandler[1];
        handler[0] = exchange -> {
            if (exchange.isInIoThread()) {
                exchange.dispatch(handler[0]);
                return;
            }
            exchange.startBlocking();
            exchange.getInputStream().readAllBytes();
            callBackend();
            exchange.getResponseHeaders().add(origin, "*").add(methods, "GET, DELETE, POST, PUT, HEAD")
                    .add(allowed, "Authorization, Origin, X-Requested-With, Content-Type, Accept, User-Agent")
                    .put(Headers.CONTENT_TYPE, "application/json").put(Headers.CONTENT_LENGTH, ANSWER.length);
            exchange.getOutputStream().write(ANSWER);
            exchange.endExchange();
        };
        Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1").setIoThreads(1).setWorkerThreads(16)
                .setServerOption(io.undertow.UndertowOptions.ALWAYS_SET_KEEP_ALIVE, true)
                .setSocketOption(org.xnio.Options.TCP_NODELAY, true)
                .setHandler(handler[0]).build();
        server.start();
        int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        return new Object[] {port, (AutoCloseable) server::stop};
    }

    /** Sequential requests on one keep-alive socket, the answer read by Content-Length. */
    static final class RawClient {
        private final byte[] request;
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private final byte[] head = new byte[16384];

        RawClient(int port) {
            this.port = port;
            request = ("POST /api/v1/namespaces/guest/actions/noop?blocking=true HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAuthorization: Basic Z3Vlc3Q6Z3Vlc3Q=\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII);
        }

        void invoke() {
            try {
                if (socket == null) {
                    socket = new Socket(InetAddress.getLoopbackAddress(), port);
                    socket.setTcpNoDelay(true);
                    in = new BufferedInputStream(socket.getInputStream(), 16384);
                    out = socket.getOutputStream();
                }
                out.write(request);
                out.flush();
                int len = 0;
                while (len < 4 || head[len - 1] != '\n' || head[len - 2] != '\r' || head[len - 3] != '\n'
                        || head[len - 4] != '\r') {
                    int b = in.read();
                    if (b < 0) {
                        throw new IOException("closed");
                    }
                    head[len++] = (byte) b;
                }
                String h = new String(head, 0, len, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                if (!h.startsWith("http/1.1 200")) {
                    throw new IOException("answer " + h);
                }
                int at = h.indexOf("content-length:");
                in.skipNBytes(Integer.parseInt(h.substring(at + 15, h.indexOf('\r', at)).trim()));
            } catch (IOException e) {
                throw new UncheckedIOException("port " + port, e);
            }
        }
    }
}
