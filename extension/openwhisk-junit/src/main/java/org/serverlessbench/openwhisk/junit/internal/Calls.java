package org.serverlessbench.openwhisk.junit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.serverlessbench.openwhisk.client.Activation;
import org.serverlessbench.openwhisk.client.InvokeOptions;
import org.serverlessbench.openwhisk.client.InvokeResult;
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
    static Call library(Platform platform) {
        return new Call() {
            @Override
            public DefaultInvocation call(DeployedAction action, Map<String, ?> parameters) {
                Duration recordTimeout = recordTimeout(action);
                Instant begin = Instant.now();
                long start = System.nanoTime();
                InvokeResult answer = platform.client().invoke(action.actionName(), parameters,
                        InvokeOptions.blocking());
                long clientTimeUs = (System.nanoTime() - start) / 1000;
                CompletableFuture<Activation> record = answer.activation() != null
                        ? CompletableFuture.completedFuture(answer.activation())
                        : platform.fetchRecord(answer.activationId(), recordTimeout);
                Object result = answer.activation() != null ? null : answer.result();
                return new DefaultInvocation(action.name(), action.actionName(), TriggerType.LIBRARY, false, begin,
                        clientTimeUs, answer.activationId(), result, answer.httpStatus(), record, recordTimeout,
                        platform.client(), action.spec().code().image());
            }

            @Override
            public TriggerType type() {
                return TriggerType.LIBRARY;
            }
        };
    }

    /** A POST of the parameters as JSON to the web action's {@code .json} URL; the record is fetched afterwards. */
    static Call http(Platform platform) {
        return new Call() {
            @Override
            public DefaultInvocation call(DeployedAction action, Map<String, ?> parameters) {
                Duration recordTimeout = recordTimeout(action);
                WebRequest request = WebRequest.newBuilder(action.actionName())
                        .namespace(platform.webNamespace())
                        .extension("json")
                        .method("POST")
                        .body(JsonCodec.write(parameters), "application/json")
                        .build();
                Instant begin = Instant.now();
                long start = System.nanoTime();
                WebResponse answer = platform.client().invokeWeb(request);
                long clientTimeUs = (System.nanoTime() - start) / 1000;
                String activationId = answer.activationId().orElse(null);
                CompletableFuture<Activation> record = activationId == null
                        ? CompletableFuture.completedFuture(null)
                        : platform.fetchRecord(activationId, recordTimeout);
                String body = new String(answer.body(), StandardCharsets.UTF_8);
                Object result = body.isEmpty() ? null : JsonCodec.valueOrText(body);
                return new DefaultInvocation(action.name(), action.actionName(), TriggerType.HTTP, false, begin,
                        clientTimeUs, activationId, result, answer.statusCode(), record, recordTimeout,
                        platform.client(), action.spec().code().image());
            }

            @Override
            public TriggerType type() {
                return TriggerType.HTTP;
            }
        };
    }

    private static Duration recordTimeout(DeployedAction action) {
        return Duration.ofMillis(action.spec().timeout()).plus(RECORD_GRACE);
    }
}
