package org.serverlessbench.openwhisk.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A client for the OpenWhisk REST API v1. Thread-safe; holds one pooled HTTP client, so build one and reuse it,
 * and close it when done.
 *
 * <p>Failed requests throw {@link OpenWhiskException}s; a failed activation (HTTP 502 or 500 on invoke) is not a
 * failed request and comes back as an {@link InvokeResult}.
 */
public final class OpenWhiskClient implements AutoCloseable {

    private final ClientConfiguration configuration;
    private final HttpTransport transport;
    private final RestApi api;
    private final InvokeInterpreter invokes;
    private final ActivationPoller poller;
    private final WebActions webActions;
    private volatile String resolvedNamespace;

    private OpenWhiskClient(ClientConfiguration configuration, Duration retryBackoff) {
        this.configuration = configuration;
        JsonCodec json = new JsonCodec();
        ErrorTranslator errors = new ErrorTranslator(configuration, json, new Redactor(configuration.auth().value()));
        this.transport = new HttpTransport(configuration, retryBackoff, errors);
        this.api = new RestApi(configuration, transport, json, errors);
        this.invokes = new InvokeInterpreter(json, errors);
        this.poller = new ActivationPoller(api::getActivation);
        this.webActions = new WebActions(transport, this::realNamespace);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public ClientConfiguration configuration() {
        return configuration;
    }

    /** The caller's namespaces; OpenWhisk answers exactly one. */
    public List<String> listNamespaces() {
        return api.listNamespaces();
    }

    /** The deployment's runtime kinds by family: {@code runtimes} of {@code GET /api/v1}, as {@code wsk} reads them. */
    public Map<String, List<RuntimeKind>> runtimes() {
        return api.runtimes();
    }

    public NamespaceLimits namespaceLimits() {
        return api.namespaceLimits();
    }

    /** @param limit 1..200, 0 meaning 200; @param skip how many of the newest to skip */
    public List<Action> listActions(int limit, int skip) {
        return api.listActions(limit, skip);
    }

    /**
     * @param name {@code action}, {@code pkg/action}, or fully qualified {@code /namespace/[pkg/]action}
     * @throws OpenWhiskNotFoundException when there is no such action
     */
    public Action getAction(String name, boolean includeCode) {
        return api.getAction(name, includeCode);
    }

    /** The action without its code, or empty when it does not exist. */
    public Optional<Action> findAction(String name) {
        try {
            return Optional.of(api.getAction(name, false));
        } catch (OpenWhiskNotFoundException absent) {
            return Optional.empty();
        }
    }

    /** @throws OpenWhiskConflictException when the action already exists */
    public Action createAction(String name, ActionPut action) {
        return api.putAction(name, action, false);
    }

    /** Creates or replaces the action; fields left null keep their current value. */
    public Action updateAction(String name, ActionPut action) {
        return api.putAction(name, action, true);
    }

    public Action deleteAction(String name) {
        return api.deleteAction(name);
    }

    /**
     * Invokes an action. A blocking invoke waits up to {@code options.timeout()} (60 s by default) and the read
     * timeout is stretched to cover that wait.
     *
     * @param params the invoke parameters (a JSON object); null for none
     * @return 200 with the record (or the result), 202 with only the activation id, 502/500 with the failed record
     */
    public InvokeResult invoke(String name, Map<String, ?> params, InvokeOptions options) {
        InvokeOptions effective = options == null ? InvokeOptions.blocking() : options;
        Operation operation = new Operation("invoke action", name);
        return invokes.interpret(operation, api.invoke(operation, name, params, effective), effective);
    }

    /**
     * Polls {@code GET /activations/{id}} with growing pauses until the record exists.
     *
     * @throws OpenWhiskTimeoutException when it did not appear within {@code timeout}
     */
    public Activation awaitActivation(String activationId, Duration timeout) {
        return poller.await(activationId, timeout);
    }

    public Activation getActivation(String activationId) {
        return api.getActivation(activationId);
    }

    /** Summaries, newest first. */
    public List<ActivationSummary> listActivations(ActivationQuery query) {
        return api.listActivations(query);
    }

    /** Full records ({@code docs=true}), newest first. */
    public List<Activation> listActivationRecords(ActivationQuery query) {
        return api.listActivationRecords(query);
    }

    public List<String> activationLogs(String activationId) {
        return api.activationLogs(activationId);
    }

    public ActivationResponse activationResult(String activationId) {
        return api.activationResult(activationId);
    }

    public PackageEntity getPackage(String name) {
        return api.getPackage(name);
    }

    /** @throws OpenWhiskConflictException when it exists and {@code overwrite} is false */
    public PackageEntity putPackage(String name, PackagePut pkg, boolean overwrite) {
        return api.putPackage(name, pkg, overwrite);
    }

    /** @param force also when the package still holds actions */
    public PackageEntity deletePackage(String name, boolean force) {
        return api.deletePackage(name, force);
    }

    /**
     * Calls a web action. Every HTTP status comes back as a {@link WebResponse}; only a missing answer throws
     * {@link OpenWhiskConnectionException}. No credentials are sent unless the request carries them.
     */
    public WebResponse invokeWeb(WebRequest request) {
        return webActions.invoke(request);
    }

    /** Web action URLs need a real namespace; {@code _} is resolved once with {@code GET /namespaces}. */
    private String realNamespace() {
        String configured = configuration.namespace().value();
        if (!configured.equals(ConfigurationResolver.DEFAULT_NAMESPACE)) {
            return configured;
        }
        String known = resolvedNamespace;
        if (known == null) {
            List<String> namespaces = listNamespaces();
            if (namespaces.isEmpty()) {
                throw new OpenWhiskConfigurationException("OpenWhisk listed no namespace for user "
                        + configuration.authUser() + "; set the namespace (openwhisk.namespace) for web actions.");
            }
            known = namespaces.get(0);
            resolvedNamespace = known;
        }
        return known;
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "OpenWhiskClient[" + configuration + "]";
    }

    /** Collects settings; see {@link #build()} for where unset values come from. */
    public static final class Builder {
        private String apiHost;
        private String auth;
        private String namespace;
        private Boolean insecure;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(70);
        private int maxAttempts = 3;
        private Duration retryBackoff = Duration.ofMillis(200);
        private Function<String, Optional<String>> parameters;
        private Map<String, String> environment;
        private Path wskPropertiesFile;

        private Builder() {
        }

        /** {@code host[:port]} (https assumed) or a URL such as {@code http://127.0.0.1:3233}. */
        public Builder apiHost(String apiHost) {
            this.apiHost = apiHost;
            return this;
        }

        /** {@code uuid:key}. */
        public Builder auth(String auth) {
            this.auth = auth;
            return this;
        }

        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /** Skip TLS certificate and host name checks, like {@code wsk -i}. */
        public Builder insecure(boolean insecure) {
            this.insecure = insecure;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** For every request; a blocking invoke stretches it to cover the wait it asks for. Default 70 s. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /** Tries for a request answered 429 or 503, at least 1; default 3. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The first pause before retrying a 429 or 503; it doubles on each retry, up to 5 s. Default 200 ms. */
        public Builder retryBackoff(Duration retryBackoff) {
            this.retryBackoff = retryBackoff;
            return this;
        }

        /** Where {@code openwhisk.*} keys are looked up, for example JUnit configuration parameters. */
        public Builder configurationParameters(Function<String, Optional<String>> lookup) {
            this.parameters = lookup;
            return this;
        }

        /** The environment to read; default {@link System#getenv()}. */
        public Builder environment(Map<String, String> env) {
            this.environment = env;
            return this;
        }

        /** Default: {@code $WSK_CONFIG_FILE}, else {@code ~/.wskprops}. */
        public Builder wskPropertiesFile(Path file) {
            this.wskPropertiesFile = file;
            return this;
        }

        /**
         * Each value comes from the first source that has it: this builder; the configuration parameters (by
         * default system properties) {@code openwhisk.apihost}, {@code openwhisk.auth}, {@code openwhisk.namespace},
         * {@code openwhisk.insecure}; the environment {@code WHISK_APIHOST}, {@code WHISK_AUTH}, then
         * {@code __OW_API_HOST}, {@code __OW_API_KEY}, {@code __OW_NAMESPACE}; the wsk properties file.
         *
         * @throws OpenWhiskConfigurationException naming the source of a missing or malformed value
         */
        public OpenWhiskClient build() {
            Function<String, Optional<String>> lookup = parameters != null ? parameters
                    : key -> Optional.ofNullable(System.getProperty(key));
            String parameterKind = parameters != null ? "configuration parameter" : "system property";
            Map<String, String> env = environment != null
                    ? Collections.unmodifiableMap(new HashMap<>(environment))
                    : System.getenv();
            ConfigurationResolver resolver = new ConfigurationResolver(lookup, parameterKind, env,
                    wskPropertiesFile);
            ClientConfiguration configuration = resolver.resolve(apiHost, auth, namespace, insecure, connectTimeout,
                    readTimeout, maxAttempts);
            if (retryBackoff == null || retryBackoff.isNegative()) {
                throw new OpenWhiskConfigurationException("retryBackoff must be zero or positive, was "
                        + retryBackoff);
            }
            return new OpenWhiskClient(configuration, retryBackoff);
        }
    }
}
