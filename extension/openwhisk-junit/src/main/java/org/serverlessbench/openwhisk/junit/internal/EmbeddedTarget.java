package org.serverlessbench.openwhisk.junit.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.serverlessbench.openwhisk.client.OpenWhiskClient;
import org.serverlessbench.openwhisk.embedded.EmbeddedOpenWhisk;
import org.serverlessbench.openwhisk.junit.ConfigurationKeys;

/** The embedded OpenWhisk, started for the run on a free port of 127.0.0.1 and stopped after it. */
final class EmbeddedTarget implements Target {

    private final Function<String, Optional<String>> parameters;
    private EmbeddedOpenWhisk server;
    private OpenWhiskClient client;

    /** @param parameters the run's configuration, for {@code openwhisk.embedded.containers} and Docker settings */
    EmbeddedTarget(Function<String, Optional<String>> parameters) {
        this.parameters = parameters;
    }

    @Override
    public synchronized OpenWhiskClient start() {
        try {
            EmbeddedOpenWhisk.Builder builder = EmbeddedOpenWhisk.newBuilder()
                    .containerFactory(EmbeddedContainers.factory(parameters));
            idleTimeout(parameters).ifPresent(builder::idleContainerTimeout);
            server = builder.start();
        } catch (IOException e) {
            throw new ExtensionConfigurationException("The embedded OpenWhisk (" + ConfigurationKeys.TARGET
                    + "=embedded, the default) could not start: " + e.getMessage() + "; "
                    + TestRun.TROUBLESHOOTING, e);
        }
        client = OpenWhiskClient.newBuilder()
                .apiHost(server.apiHost())
                .auth(server.auth())
                .namespace(server.namespace())
                .configurationParameters(key -> Optional.empty())
                .environment(Map.of())
                .readTimeout(READ_TIMEOUT)
                .build();
        return client;
    }

    /** {@code openwhisk.embedded.idleTimeout}, when set. */
    static Optional<Duration> idleTimeout(Function<String, Optional<String>> parameters) {
        Optional<String> text = parameters.apply(ConfigurationKeys.EMBEDDED_IDLE_TIMEOUT).map(String::strip)
                .filter(value -> !value.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Duration timeout;
        try {
            timeout = DurationText.parse(text.get(),
                    "Configuration parameter " + ConfigurationKeys.EMBEDDED_IDLE_TIMEOUT);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
        if (timeout.isZero()) {
            throw new ExtensionConfigurationException("Configuration parameter "
                    + ConfigurationKeys.EMBEDDED_IDLE_TIMEOUT + " is \"" + text.get() + "\", but must be positive");
        }
        return Optional.of(timeout);
    }

    @Override
    public synchronized String webNamespace() {
        return server.namespace();
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public synchronized void close() {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }
}
