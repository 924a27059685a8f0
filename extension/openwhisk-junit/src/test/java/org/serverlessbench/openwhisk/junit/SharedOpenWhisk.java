package org.serverlessbench.openwhisk.junit;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.serverlessbench.openwhisk.client.Action;
import org.serverlessbench.openwhisk.client.OpenWhiskClient;
import org.serverlessbench.openwhisk.embedded.EmbeddedOpenWhisk;

/**
 * An embedded OpenWhisk that a test class starts itself and hands to fixture runs as a "remote" target, so that the
 * test can look at the server after the run (which actions are left). Register it as a static
 * {@code @RegisterExtension} field: it starts before the class's tests and stops after them.
 */
final class SharedOpenWhisk implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedOpenWhisk server;
    private OpenWhiskClient client;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        server = EmbeddedOpenWhisk.newBuilder().start();
        client = OpenWhiskClient.newBuilder()
                .apiHost(server.apiHost())
                .auth(server.auth())
                .namespace(server.namespace())
                .configurationParameters(key -> Optional.empty())
                .environment(Map.of())
                .build();
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
    public void afterAll(ExtensionContext context) {
        client.close();
        server.close();
    }
}
