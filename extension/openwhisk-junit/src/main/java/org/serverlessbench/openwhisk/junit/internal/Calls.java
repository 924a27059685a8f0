package org.serverlessbench.openwhisk.junit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.serverlessbench.openwhisk.client.Activation;
import org.serverlessbench.openwhisk.client.InvokeOptions;
import org.serverlessbench.openwhisk.client.InvokeResult;
import org.serverlessbench.openwhisk.client.OpenWhiskClient;
import org.serverlessbench.openwhisk.client.WebRequest;
import org.serverlessbench.openwhisk.client.WebResponse;
import org.serverlessbench.openwhisk.junit.TriggerType;

/** The two ways to invoke an action: one request each, timed with {@link System#nanoTime()}. */
final class Calls {

    /** Extra time to wait for a record beyond the action's own time limit. */
    private static final Duration RECORD_GRACE = Duration.ofSeconds(60);

    private Calls() {
    }

    interface Call {
        DefaultInvocation call(DeployedAction action, Map<String, ?> parameters);

        TriggerType type();
    }

    /** A blocking invoke through the REST API; the record comes back inline unless the server stopped waiting. */
    static Call library(OpenWhiskClient client, Background background) {
        return new Call() {
            @Override
            public DefaultInvocation call(DeployedAction action, Map<String, ?> parameters) {
                Duration recordTimeout = recordTimeout(action);
                Instant begin = Instant.now();
                long start = System.nanoTime();
                InvokeResult answer = client.invoke(action.actionName(), parameters,
                        InvokeOptions.blocking());
                long clientTimeUs = (System.nanoTime() - start) / 1000;
                CompletableFuture<Activation> record = answer.activation() != null
                        ? CompletableFuture.completedFuture(answer.activation())
                        : fetchRecord(client, background, answer.activationId(), recordTimeout);
                Object result = answer.activation() != null ? null : answer.result();
                return new DefaultInvocation(new ClientCall(action.name(), action.actionName(), TriggerType.LIBRARY,
                        begin, clientTimeUs, answer.activationId(), result, answer.httpStatus(),
                        action.spec().code().image(), action.spec().benchmark(), action.spec().language()), record,
                        recordTimeout, client::activationLogs);
            }

            @Override
            public TriggerType type() {
                return TriggerType.LIBRARY;
            }
        };
    }

    /** A POST of the parameters as JSON to the web action's {@code .json} URL; the record is fetched afterwards. */
    static Call http(OpenWhiskClient client, String webNamespace, Background background) {
        return new Call() {
            @Override
            public DefaultInvocation call(DeployedAction action, Map<String, ?> parameters) {
                Duration recordTimeout = recordTimeout(action);
                WebRequest request = WebRequest.newBuilder(action.actionName())
                        .namespace(webNamespace)
                        .extension("json")
                        .method("POST")
                        .body(JsonCodec.write(parameters), "application/json")
                        .build();
                Instant begin = Instant.now();
                long start = System.nanoTime();
                WebResponse answer = client.invokeWeb(request);
                long clientTimeUs = (System.nanoTime() - start) / 1000;
                String activationId = answer.activationId().orElse(null);
                CompletableFuture<Activation> record = activationId == null
                        ? CompletableFuture.completedFuture(null)
                        : fetchRecord(client, background, activationId, recordTimeout);
                String body = new String(answer.body(), StandardCharsets.UTF_8);
                Object result = body.isEmpty() ? null : JsonCodec.valueOrText(body);
                return new DefaultInvocation(new ClientCall(action.name(), action.actionName(), TriggerType.HTTP,
                        begin, clientTimeUs, activationId, result, answer.statusCode(), action.spec().code().image(),
                        action.spec().benchmark(), action.spec().language()),
                        record, recordTimeout,
                        client::activationLogs);
            }

            @Override
            public TriggerType type() {
                return TriggerType.HTTP;
            }
        };
    }

    /** The activation record, fetched in the background, waiting at most {@code timeout} for it to appear. */
    private static CompletableFuture<Activation> fetchRecord(OpenWhiskClient client, Background background,
            String activationId, Duration timeout) {
        return background.run(() -> client.awaitActivation(activationId, timeout));
    }

    private static Duration recordTimeout(DeployedAction action) {
        return Duration.ofMillis(action.spec().timeout()).plus(RECORD_GRACE);
    }
}
