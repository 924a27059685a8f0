package org.serverlessbench.openwhisk.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessbench.openwhisk.client.Action;
import org.serverlessbench.openwhisk.client.OpenWhiskClient;
import org.serverlessbench.openwhisk.embedded.EmbeddedOpenWhisk;

/**
 * An embedded OpenWhisk that a test starts itself and hands to fixture runs as a "remote" target, so that the test
 * can look at the server after the run (which actions are left). Close it in {@code @AfterAll}.
 */
final class SharedOpenWhisk implements AutoCloseable {

    private final EmbeddedOpenWhisk server;
    private final OpenWhiskClient client;

    private SharedOpenWhisk(EmbeddedOpenWhisk server, OpenWhiskClient client) {
        this.server = server;
        this.client = client;
    }

    static SharedOpenWhisk start() {
        try {
            EmbeddedOpenWhisk server = EmbeddedOpenWhisk.newBuilder().start();
            OpenWhiskClient client = OpenWhiskClient.newBuilder()
                    .apiHost(server.apiHost())
                    .auth(server.auth())
                    .namespace(server.namespace())
                    .configurationParameters(key -> Optional.empty())
                    .environment(Map.of())
                    .build();
            return new SharedOpenWhisk(server, client);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Configuration that makes a fixture run use this server as its remote target, with a fixed prefix. */
    Map<String, String> remoteTarget(String prefix) {
        return Map.of(ConfigurationKeys.TARGET, "remote",
                ConfigurationKeys.API_HOST, server.apiHost(),
                ConfigurationKeys.AUTH, server.auth(),
                ConfigurationKeys.NAMESPACE, server.namespace(),
                ConfigurationKeys.PREFIX, prefix);
    }

    OpenWhiskClient client() {
        return client;
    }

    /** The names of the actions that start with {@code prefix}. */
    List<String> actionsStartingWith(String prefix) {
        return client.listActions(200, 0).stream().map(Action::name).filter(name -> name.startsWith(prefix))
                .sorted().toList();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
