package org.serverlessbench.openwhisk.junit.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.serverlessbench.openwhisk.client.OpenWhiskClient;
import org.serverlessbench.openwhisk.client.OpenWhiskConfigurationException;
import org.serverlessbench.openwhisk.junit.ConfigurationKeys;

/** A remote OpenWhisk, configured from JUnit parameters, environment variables and {@code ~/.wskprops}. */
final class RemoteTarget implements Target {

    private final Function<String, Optional<String>> parameters;
    private OpenWhiskClient client;

    RemoteTarget(Function<String, Optional<String>> parameters) {
        this.parameters = parameters;
    }

    /**
     * A client for the remote target.
     *
     * @throws OpenWhiskConfigurationException when the API host or auth key is missing or malformed
     */
    static OpenWhiskClient client(Function<String, Optional<String>> parameters) {
        return OpenWhiskClient.newBuilder()
                .configurationParameters(parameters)
                .readTimeout(READ_TIMEOUT)
                .build();
    }

    @Override
    public synchronized OpenWhiskClient start() {
        try {
            client = client(parameters);
        } catch (OpenWhiskConfigurationException e) {
            throw new ExtensionConfigurationException(ConfigurationKeys.TARGET + "=remote, but the remote OpenWhisk"
                    + " is not configured: " + e.getMessage() + "; " + TestRun.TROUBLESHOOTING, e);
        }
        return client;
    }

    @Override
    public synchronized String webNamespace() {
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

    @Override
    public String name() {
        return "remote";
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
