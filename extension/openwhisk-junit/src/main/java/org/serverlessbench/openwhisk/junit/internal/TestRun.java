package org.serverlessbench.openwhisk.junit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.serverlessbench.openwhisk.client.NamespaceLimits;
import org.serverlessbench.openwhisk.client.OpenWhiskClient;
import org.serverlessbench.openwhisk.client.OpenWhiskException;
import org.serverlessbench.openwhisk.junit.ConfigurationKeys;
import org.serverlessbench.openwhisk.junit.TriggerType;
import org.serverlessbench.openwhisk.report.ResultsSink;
import org.serverlessbench.openwhisk.report.RunInfo;

/**
 * What one test run shares, kept in the root Store and closed when the run ends: the settings, the started
 * {@link Target} and its connection, the target's limits and kinds, the results sink and the background threads.
 * At its start the run measures its floor once ({@link SelfCalibration}) into the results' run info.
 * Parts get only the service they need from it (the client, the limits, a {@link Calls.Call}, the sink).
 */
@SuppressWarnings("deprecation") // CloseableResource: for JUnit before 5.13 and with auto-close disabled
final class TestRun implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    static final String TROUBLESHOOTING = "see docs/troubleshooting.md";

    private final Settings settings;
    private final Target target;
    private final OpenWhiskClient client;
    private final String webNamespace;
    private final TargetLimits limits;
    private final RuntimeKinds kinds;
    private final ResultsSink sink;
    private final Background background = new Background();

    private TestRun(Settings settings, Target target, OpenWhiskClient client, String webNamespace,
            TargetLimits limits, RuntimeKinds kinds, ResultsSink sink) {
        this.settings = settings;
        this.target = target;
        this.client = client;
        this.webNamespace = webNamespace;
        this.limits = limits;
        this.kinds = kinds;
        this.sink = sink;
    }

    /**
     * Starts the target, reads its limits and kinds and opens the results sink; on failure the target is stopped
     * again.
     */
    static TestRun start(Settings settings, Function<String, Optional<String>> parameters) {
        Target target = Target.of(settings, parameters);
        try {
            OpenWhiskClient client = target.start();
            NamespaceLimits reported = namespaceLimits(client, target);
            TargetLimits limits = TargetLimits.of(reported.minActionMemory(), reported.maxActionMemory(),
                    reported.minActionTimeout(), reported.maxActionTimeout(), reported.minActionConcurrency(),
                    reported.maxActionConcurrency());
            String apiHost = client.configuration().apiHost().value();
            String webNamespace = target.webNamespace();
            Optional<Integer> calibrationCalls = SelfCalibration.calls(parameters);
            ResultsSink sink = ResultsSink.open(ResultsSettings.read(parameters, settings.resultsDirectory()),
                    RunInfo.describe(target.name(), apiHost));
            RuntimeKinds kinds = runtimeKinds(client);
            calibrationCalls.ifPresent(calls -> sink.calibrated(SelfCalibration.measure(client, kinds,
                    settings.actionName("calibration-noop"), calls)));
            return new TestRun(settings, target, client, webNamespace, limits, kinds, sink);
        } catch (RuntimeException e) {
            try {
                target.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static NamespaceLimits namespaceLimits(OpenWhiskClient client, Target target) {
        try {
            return client.namespaceLimits();
        } catch (OpenWhiskException e) {
            throw new ExtensionConfigurationException("Cannot read the limits of OpenWhisk at "
                    + client.configuration().apiHost() + " (" + ConfigurationKeys.TARGET + "=" + target.name()
                    + "; GET /namespaces/_/limits): " + e.getMessage() + "; " + TROUBLESHOOTING, e);
        }
    }

    /** The target's kinds from {@code GET /api/v1}; a target that does not list them leaves kinds unchecked. */
    private static RuntimeKinds runtimeKinds(OpenWhiskClient client) {
        try {
            return RuntimeKinds.of(client.runtimes());
        } catch (OpenWhiskException e) {
            return RuntimeKinds.UNKNOWN;
        }
    }

    Settings settings() {
        return settings;
    }

    OpenWhiskClient client() {
        return client;
    }

    TargetLimits limits() {
        return limits;
    }

    RuntimeKinds kinds() {
        return kinds;
    }

    ResultsSink sink() {
        return sink;
    }

    /** How a trigger of {@code type} invokes on this target. */
    Calls.Call call(TriggerType type) {
        return type == TriggerType.HTTP
                ? Calls.http(client, webNamespace, background)
                : Calls.library(client, background);
    }

    <T> CompletableFuture<T> inBackground(Supplier<T> task) {
        return background.run(task);
    }

    @Override
    public void close() {
        List<Throwable> failures = new ArrayList<>();
        run(background::close, failures);
        run(sink::close, failures);
        run(target::close, failures);
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("Stopping the OpenWhisk test run ("
                    + target.name() + ") failed: " + failures.get(0), failures.get(0));
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
}
