package org.serverlessbench.openwhisk.embedded.controller;

import java.io.IOException;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.serverlessbench.openwhisk.embedded.invoker.Activator;

/**
 * The embedded OpenWhisk controller: the REST API v1 on 127.0.0.1, served by a {@link JettyServer}, handing
 * activations to an {@link Activator}.
 */
public final class ControllerServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ControllerServer.class.getName());
    private static final String API_PREFIX = "/api/v1";
    /** The CORS headers of every answer but a web action's (which sets its own). */
    static final List<Map.Entry<String, String>> API_CORS = List.of(
            Map.entry("Access-Control-Allow-Origin", "*"),
            Map.entry("Access-Control-Allow-Methods", "GET, DELETE, POST, PUT, HEAD"),
            Map.entry("Access-Control-Allow-Headers", WebActionsApi.CORS_HEADERS));
    private JettyServer jetty;
    private BlockingWaits waits;
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

    private ControllerServer(ControllerConfig config, Activator activator) {
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
        AtomicReference<ControllerServer> controller = new AtomicReference<>();
        JettyServer jetty;
        try {
            jetty = JettyServer.start(port, ServerLimits.defaults(config.maxBlockingWait()), exchange -> {
                ControllerServer ready = controller.get();
                if (ready != null) {
                    ready.serve(exchange);
                } else {
                    // Only a client that guessed a fixed port can get here, in the moment before start returns.
                    write(exchange, Reply.error(503, "The embedded OpenWhisk is still starting; try again.",
                            Ids.next()), false);
                }
            });
        } catch (IOException e) {
            throw cannotListen(port, e);
        }
        try {
            String apiHost = "http://127.0.0.1:" + jetty.port();
            ControllerServer started = new ControllerServer(config, activatorForApiHost.apply(apiHost));
            started.jetty = jetty;
            started.waits = new BlockingWaits(jetty::execute);
            controller.set(started);
            return started;
        } catch (RuntimeException e) {
            jetty.close();
            throw e;
        }
    }

    private static BindException cannotListen(int port, IOException e) {
        BindException named = new BindException("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                + "); stop what uses the port or choose another one (0 picks a free port)");
        named.initCause(e);
        return named;
    }

    public int port() {
        return jetty.port();
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
        jetty.close();
        waits.close();
        activator.close();
    }

    /**
     * Runs on the connection's thread, which may block: a blocking invoke that finds a warm container runs the
     * activation right here, after its answer is set up, and the completion writes the reply from this thread.
     */
    private void serve(Exchange exchange) {
        long receivedAtNanos = System.nanoTime();
        long receivedAtMillis = System.currentTimeMillis();
        String requestId = exchange.header("X-Request-ID");
        String transactionId = requestId != null && !requestId.isBlank() ? requestId : Ids.next();
        boolean webRequest = false;
        CallerRuns callerRuns = new CallerRuns();
        Answer answer;
        try {
            String rawPath = exchange.rawPath();
            if (rawPath.equals("/") || rawPath.isEmpty()) {
                answer = exchange.method().equals("OPTIONS") ? Reply.empty(200) : info.root();
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
                waits.await(pending, reply -> {
                    Reply built = guarded(exchange, transactionId, reply);
                    if (callerRuns.busyElsewhere()) {
                        // The server reads this connection's next request only when this thread is free again: a
                        // client that sends one now would wait for the activation, so it gets a new connection.
                        built = built.withHeader("Connection", "close");
                    }
                    write(exchange, built, web);
                });
            } else {
                write(exchange, (Reply) answer, web);
            }
        } finally {
            callerRuns.runAll();
        }
    }

    private static Reply guarded(Exchange exchange, String transactionId, Supplier<Reply> reply) {
        try {
            return reply.get();
        } catch (RuntimeException e) {
            return errorReply(exchange, transactionId, e);
        }
    }

    private static Reply errorReply(Exchange exchange, String transactionId, RuntimeException e) {
        if (e instanceof ApiException api) {
            return Reply.error(api.status(), api.getMessage(), transactionId);
        }
        LOG.log(Level.WARNING, "request " + exchange.method() + " " + exchange.rawPath()
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

    private static void write(Exchange exchange, Reply reply, boolean webRequest) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(reply.headers().size() + 4);
        if (!webRequest) {
            headers.addAll(API_CORS);
        }
        headers.addAll(reply.headers());
        if (reply.status() == 413) {
            // The oversized body stays unread, so the connection cannot carry another request.
            headers.add(Map.entry("Connection", "close"));
        }
        boolean noBody = exchange.method().equals("HEAD") || reply.status() == 204 || reply.status() == 304
                || reply.body().length == 0;
        exchange.respond(reply.status(), reply.contentType(), headers, noBody ? null : reply.body());
    }
}
