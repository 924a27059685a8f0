package org.serverlessbench.openwhisk.junit.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.serverlessbench.openwhisk.client.Activation;
import org.serverlessbench.openwhisk.client.NamespaceLimits;
import org.serverlessbench.openwhisk.client.OpenWhiskClient;
import org.serverlessbench.openwhisk.client.OpenWhiskConfigurationException;
import org.serverlessbench.openwhisk.client.OpenWhiskException;
import org.serverlessbench.openwhisk.embedded.EmbeddedOpenWhisk;
import org.serverlessbench.openwhisk.junit.ConfigurationKeys;
import org.serverlessbench.openwhisk.report.ResultsSink;
import org.serverlessbench.openwhisk.report.RunInfo;

/**
 * Everything one test run shares, kept in the root Store and closed when the run ends: the settings, the client,
 * the embedded OpenWhisk when that is the target, the target's limits, the results sink and the background threads.
 */
final class Platform implements AutoCloseable {

    static final String TROUBLESHOOTING = "see docs/troubleshooting.md";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(75);

    private final Settings settings;
    private final OpenWhiskClient client;
    private final EmbeddedOpenWhisk embedded;
    private final String webNamespace;
    private final TargetLimits limits;
    private final ResultsSink sink;
    private final ExecutorService executor;

    private Platform(Settings settings, OpenWhiskClient client, EmbeddedOpenWhisk embedded, String webNamespace,
            TargetLimits limits, ResultsSink sink) {
        this.settings = settings;
        this.client = client;
        this.embedded = embedded;
        this.webNamespace = webNamespace;
        this.limits = limits;
        this.sink = sink;
        this.executor = Executors.newCachedThreadPool(daemonThreads());
    }

    /**
     * Starts the embedded OpenWhisk or connects to the remote one, reads the target's limits and opens the results
     * sink; on failure everything already started is stopped again.
     */
    static Platform start(Settings settings, Function<String, Optional<String>> parameters) {
        EmbeddedOpenWhisk embedded = null;
        OpenWhiskClient client = null;
        try {
            if (settings.target() == Settings.Target.EMBEDDED) {
                embedded = startEmbedded(parameters);
                client = OpenWhiskClient.newBuilder()
                        .apiHost(embedded.apiHost())
                        .auth(embedded.auth())
                        .namespace(embedded.namespace())
                        .configurationParameters(key -> Optional.empty())
                        .environment(Map.of())
                        .readTimeout(READ_TIMEOUT)
                        .build();
            } else {
                client = configuredRemoteClient(parameters);
            }
            String apiHost = client.configuration().apiHost().value();
            NamespaceLimits reported = namespaceLimits(client, settings);
            TargetLimits limits = TargetLimits.of(reported.minActionMemory(), reported.maxActionMemory(),
                    reported.minActionTimeout(), reported.maxActionTimeout());
            String webNamespace = embedded != null ? embedded.namespace() : webNamespace(client);
            String target = Settings.configName(settings.target());
            ResultsSink sink = ResultsSink.open(settings.resultsDirectory(), RunInfo.describe(target, apiHost));
            return new Platform(settings, client, embedded, webNamespace, limits, sink);
        } catch (RuntimeException e) {
            closeQuietly(client, e);
            closeQuietly(embedded, e);
            throw e;
        }
    }

    /** A client for the remote target, configured from JUnit parameters, environment and {@code ~/.wskprops}. */
    static OpenWhiskClient remoteClient(Function<String, Optional<String>> parameters) {
        return OpenWhiskClient.newBuilder()
                .configurationParameters(parameters)
                .readTimeout(READ_TIMEOUT)
                .build();
    }

    private static OpenWhiskClient configuredRemoteClient(Function<String, Optional<String>> parameters) {
        try {
            return remoteClient(parameters);
        } catch (OpenWhiskConfigurationException e) {
            throw new ExtensionConfigurationException(ConfigurationKeys.TARGET + "=remote, but the remote OpenWhisk"
                    + " is not configured: " + e.getMessage() + "; " + TROUBLESHOOTING, e);
        }
    }

    private static EmbeddedOpenWhisk startEmbedded(Function<String, Optional<String>> parameters) {
        try {
            return EmbeddedOpenWhisk.newBuilder().containerFactory(EmbeddedContainers.factory(parameters)).start();
        } catch (IOException e) {
            throw new ExtensionConfigurationException("The embedded OpenWhisk (" + ConfigurationKeys.TARGET
                    + "=embedded, the default) could not start: " + e.getMessage() + "; " + TROUBLESHOOTING, e);
        }
    }

    private static NamespaceLimits namespaceLimits(OpenWhiskClient client, Settings settings) {
        try {
            return client.namespaceLimits();
        } catch (OpenWhiskException e) {
            throw new ExtensionConfigurationException("Cannot read the limits of OpenWhisk at "
                    + client.configuration().apiHost() + " (" + ConfigurationKeys.TARGET + "="
                    + Settings.configName(settings.target()) + "; GET /namespaces/_/limits): " + e.getMessage()
                    + "; " + TROUBLESHOOTING, e);
        }
    }

    private static String webNamespace(OpenWhiskClient client) {
        String configured = client.configuration().namespace().value();
        if (configured != null && !configured.isBlank() && !configured.equals("_")) {
            return configured;
        }
        List<String> namespaces = client.listNamespaces();
        if (namespaces.isEmpty()) {
            throw new ExtensionConfigurationException("OpenWhisk at " + client.configuration().apiHost()
                    + " lists no namespace for these credentials; set " + ConfigurationKeys.NAMESPACE);
        }
        return namespaces.get(0);
    }

    Settings settings() {
        return settings;
    }

    OpenWhiskClient client() {
        return client;
    }

    /** The real namespace name that web action URLs need ({@code _} is not accepted there). */
    String webNamespace() {
        return webNamespace;
    }

    TargetLimits limits() {
        return limits;
    }

    ResultsSink sink() {
        return sink;
    }

    <T> CompletableFuture<T> inBackground(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, executor);
    }

    /** The activation record, fetched in the background, waiting at most {@code timeout} for it to appear. */
    CompletableFuture<Activation> fetchRecord(String activationId, Duration timeout) {
        return inBackground(() -> client.awaitActivation(activationId, timeout));
    }

    @Override
    public void close() {
        List<Throwable> failures = new ArrayList<>();
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        run(sink::close, failures);
        run(client::close, failures);
        if (embedded != null) {
            run(embedded::close, failures);
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("Stopping the OpenWhisk test platform failed: "
                    + failures.get(0), failures.get(0));
            failures.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private static void run(Runnable step, List<Throwable> failures) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    private static void closeQuietly(AutoCloseable resource, Throwable cause) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "openwhisk-junit-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
