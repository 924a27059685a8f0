package org.serverlessbench.openwhisk.embedded.controller;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.serverlessbench.openwhisk.embedded.invoker.Activator;

/**
 * The embedded OpenWhisk controller: the REST API v1 on 127.0.0.1, served by a {@link ConnectionServer}, handing
 * activations to an {@link Activator}.
 */
public final class ControllerServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ControllerServer.class.getName());
    private static final String API_PREFIX = "/api/v1";
    private final ConnectionServer server;
    private final ExecutorService executor;
    private final BlockingWaits waits;
    private final ControllerConfig config;
    private final Activator activator;
    private final BasicAuth auth;
    private final NamespaceGuard namespaces;
    private final InfoApi info;
    private final NamespacesApi namespacesApi;
    private final ActionsApi actions;
    private final PackagesApi packages;
    private final ActivationsApi activations;
    private final WebActionsApi web;
    private final TriggersApi triggers;
    private final RulesApi rules;

    private ControllerServer(ConnectionServer server, ExecutorService executor, ControllerConfig config,
            Activator activator) {
        this.server = server;
        this.executor = executor;
        this.waits = new BlockingWaits(executor);
        this.config = config;
        this.activator = Objects.requireNonNull(activator, "the activator factory returned null");
        this.auth = new BasicAuth(config.auth());
        this.namespaces = new NamespaceGuard(config.namespace());
        EntityStore store = new EntityStore();
        Invocations invocations = new Invocations(activator, store, config);
        this.info = new InfoApi(activator, config);
        this.namespacesApi = new NamespacesApi(config);
        this.actions = new ActionsApi(store, invocations, config);
        this.packages = new PackagesApi(store, config);
        this.activations = new ActivationsApi(activator, config.namespace());
        this.web = new WebActionsApi(store, invocations, config, auth);
        TriggerRuleStore triggerRules = new TriggerRuleStore();
        this.triggers = new TriggersApi(triggerRules, new TriggerFires(store, invocations, this.activator, config),
                config);
        this.rules = new RulesApi(triggerRules, store, config);
    }

    /**
     * Binds 127.0.0.1:{@code port} (0 for an ephemeral port), creates the activator for the bound API host
     * ({@code http://127.0.0.1:<port>}) and starts serving.
     *
     * @throws IOException when the port cannot be bound
     */
    public static ControllerServer start(int port, ControllerConfig config,
            Function<String, ? extends Activator> activatorForApiHost) throws IOException {
        Objects.requireNonNull(config, "config == null");
        Objects.requireNonNull(activatorForApiHost, "activatorForApiHost == null");
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "openwhisk-controller-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        ConnectionServer server;
        try {
            server = ConnectionServer.bind(port, 256);
        } catch (IOException e) {
            executor.shutdownNow();
            BindException named = new BindException("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); stop what uses the port or choose another one (0 picks a free port)");
            named.initCause(e);
            throw named;
        }
        ControllerServer controller;
        try {
            String apiHost = "http://127.0.0.1:" + server.address().getPort();
            controller = new ControllerServer(server, executor, config, activatorForApiHost.apply(apiHost));
        } catch (RuntimeException e) {
            server.close();
            executor.shutdownNow();
            throw e;
        }
        server.serve(controller::serve);
        return controller;
    }

    public int port() {
        return server.address().getPort();
    }

    public String apiHost() {
        return "http://127.0.0.1:" + port();
    }

    public ControllerConfig config() {
        return config;
    }

    public Activator activator() {
        return activator;
    }

    /** Stops accepting requests, then closes the activator (which kills its processes). */
    @Override
    public void close() {
        server.close();
        waits.close();
        executor.shutdownNow();
        activator.close();
    }

    /**
     * Runs on the connection's thread, which may block: a blocking invoke that finds a warm container runs the
     * activation right here, after its answer is set up, and the completion writes the reply from this thread.
     */
    private void serve(SocketExchange exchange) {
        long receivedAtNanos = System.nanoTime();
        long receivedAtMillis = System.currentTimeMillis();
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-ID");
        String transactionId = requestId != null && !requestId.isBlank() ? requestId : Ids.next();
        boolean webRequest = false;
        CallerRuns callerRuns = new CallerRuns();
        Answer answer;
        try {
            String rawPath = exchange.getRequestURI().getRawPath();
            if (rawPath.equals("/") || rawPath.isEmpty()) {
                answer = exchange.getRequestMethod().equals("OPTIONS") ? Reply.empty(200) : info.root();
            } else if (rawPath.equals(API_PREFIX) || rawPath.startsWith(API_PREFIX + "/")) {
                List<String> segments = Request.segments(rawPath.substring(API_PREFIX.length()));
                Request request = new Request(exchange, segments, transactionId, callerRuns);
                webRequest = !segments.isEmpty() && segments.get(0).equals("web");
                answer = route(request, receivedAtMillis, receivedAtNanos);
            } else {
                answer = Reply.error(404, Messages.RESOURCE_DOES_NOT_EXIST, transactionId);
            }
        } catch (RuntimeException e) {
            answer = errorReply(exchange, transactionId, e);
        }
        boolean web = webRequest;
        try {
            if (answer instanceof PendingReply pending) {
                // Sent when the activation completes (on this thread if it runs below), or with its 202 by the timer.
                waits.await(pending, reply -> write(exchange, guarded(exchange, transactionId, reply), web));
            } else {
                write(exchange, (Reply) answer, web);
            }
        } finally {
            callerRuns.runAll();
        }
    }

    private static Reply guarded(SocketExchange exchange, String transactionId, Supplier<Reply> reply) {
        try {
            return reply.get();
        } catch (RuntimeException e) {
            return errorReply(exchange, transactionId, e);
        }
    }

    private static Reply errorReply(SocketExchange exchange, String transactionId, RuntimeException e) {
        if (e instanceof ApiException api) {
            return Reply.error(api.status(), api.getMessage(), transactionId);
        }
        LOG.log(Level.WARNING, "request " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
                + " failed (transaction " + transactionId + ")", e);
        return Reply.error(500, "The embedded OpenWhisk failed to process the request: " + e, transactionId);
    }

    private Answer route(Request incoming, long receivedAtMillis, long receivedAtNanos) {
        Request request = incoming;
        List<String> segments = request.segments();
        if (segments.isEmpty() || (segments.size() == 1 && segments.get(0).isEmpty())) {
            if (request.method().equals("OPTIONS")) {
                return Reply.empty(200);
            }
            return info.apiV1();
        }
        if (segments.get(0).equals("web")) {
            return web.handle(request, segments.subList(1, segments.size()), receivedAtMillis, receivedAtNanos);
        }
        if (request.method().equals("OPTIONS")) {
            return Reply.empty(200);
        }
        if (!segments.get(0).equals("namespaces")) {
            throw ApiException.notFound();
        }
        request = request.headAsGet();
        if (!auth.accepts(request.header("Authorization"))) {
            return Reply.error(401, Messages.UNAUTHORIZED, request.transactionId())
                    .withHeader("WWW-Authenticate", BasicAuth.CHALLENGE);
        }
        if (segments.size() == 1 || (segments.size() == 2 && segments.get(1).isEmpty())) {
            return namespacesApi.list(request);
        }
        namespaces.check(segments.get(1));
        if (segments.size() == 2) {
            throw ApiException.notFound();
        }
        List<String> rest = segments.subList(3, segments.size());
        return switch (segments.get(2)) {
            case "actions" -> actions.handle(request, rest, receivedAtMillis, receivedAtNanos);
            case "packages" -> packages.handle(request, rest);
            case "activations" -> activations.handle(request, rest);
            case "limits" -> namespacesApi.limits(request, rest);
            case "triggers" -> triggers.handle(request, rest);
            case "rules" -> rules.handle(request, rest);
            default -> throw ApiException.notFound();
        };
    }

    private static void write(SocketExchange exchange, Reply reply, boolean webRequest) {
        try (exchange) {
            Headers headers = exchange.getResponseHeaders();
            if (!webRequest) {
                headers.add("Access-Control-Allow-Origin", "*");
                headers.add("Access-Control-Allow-Methods", "GET, DELETE, POST, PUT, HEAD");
                headers.add("Access-Control-Allow-Headers", WebActionsApi.CORS_HEADERS);
            }
            for (Map.Entry<String, String> header : reply.headers()) {
                headers.add(header.getKey(), header.getValue());
            }
            if (reply.contentType() != null) {
                headers.set("Content-Type", reply.contentType());
            }
            if (reply.status() == 413) {
                // The oversized body stays unread, so the connection cannot carry another request.
                headers.set("Connection", "close");
            }
            boolean noBody = exchange.getRequestMethod().equals("HEAD") || reply.status() == 204
                    || reply.status() == 304 || reply.body().length == 0;
            exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "client went away before the answer to " + exchange.getRequestURI() + " was sent", e);
        }
    }
}
