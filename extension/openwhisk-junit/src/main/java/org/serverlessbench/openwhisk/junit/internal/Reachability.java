package org.serverlessbench.openwhisk.junit.internal;

import java.util.Optional;
import java.util.function.Function;
import org.serverlessbench.openwhisk.client.OpenWhiskClient;
import org.serverlessbench.openwhisk.client.OpenWhiskConfigurationException;
import org.serverlessbench.openwhisk.client.OpenWhiskException;

/** Whether the configured remote OpenWhisk answers, probed once per run for {@code disabledWithoutOpenWhisk}. */
record Reachability(boolean reachable, String description) {

    static Reachability probe(Function<String, Optional<String>> parameters) {
        OpenWhiskClient client;
        try {
            client = RemoteTarget.client(parameters);
        } catch (OpenWhiskConfigurationException e) {
            return new Reachability(false, "OpenWhisk is not configured: " + e.getMessage());
        }
        try (client) {
            client.listNamespaces();
            return new Reachability(true, "OpenWhisk at " + client.configuration().apiHost() + " is reachable");
        } catch (OpenWhiskException e) {
            return new Reachability(false, "OpenWhisk at " + client.configuration().apiHost()
                    + " is not reachable: " + e.getMessage());
        }
    }
}
