package org.serverlessbench.openwhisk.junit.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.serverlessbench.openwhisk.client.OpenWhiskClient;

/**
 * Where the benchmarks run: the embedded OpenWhisk or a remote one. The only part of the extension that knows
 * which; everything else talks to the client it gives.
 */
interface Target extends AutoCloseable {

    /** How long a blocking request may take: OpenWhisk's own blocking wait (60 s) plus margin. */
    Duration READ_TIMEOUT = Duration.ofSeconds(75);

    /**
     * Starts the embedded OpenWhisk or connects to the remote one.
     *
     * @return a client of the target
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException saying what is missing or failed
     */
    OpenWhiskClient start();

    /** The real namespace name that web action URLs need ({@code _} is not accepted there); after {@link #start()}. */
    String webNamespace();

    /** {@code embedded} or {@code remote}, as {@code openwhisk.target} names it. */
    String name();

    /** Stops what {@link #start()} started. */
    @Override
    void close();

    static Target of(Settings settings, Function<String, Optional<String>> parameters) {
        return settings.target() == Settings.Target.EMBEDDED
                ? new EmbeddedTarget(parameters) : new RemoteTarget(parameters);
    }
}
