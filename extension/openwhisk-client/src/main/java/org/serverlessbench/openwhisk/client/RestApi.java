package org.serverlessbench.openwhisk.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/** The REST API v1 calls for namespaces, actions, packages and activations; the work behind OpenWhiskClient. */
final class RestApi {

    /** Reads a successful answer's body. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(byte[] body) throws JsonCodec.MalformedJsonException;
    }

    private final ClientConfiguration configuration;
    private final HttpTransport transport;
    private final JsonCodec json;
    private final ErrorTranslator errors;

    RestApi(ClientConfiguration configuration, HttpTransport transport, JsonCodec json, ErrorTranslator errors) {
        this.configuration = configuration;
        this.transport = transport;
        this.json = json;
        this.errors = errors;
    }

    List<String> listNamespaces() {
        Operation operation = new Operation("list namespaces", null);
        HttpUrl url = transport.api().addPathSegment("namespaces").build();
        return call(operation, "GET", url, null, body -> json.readList(body, String.class));
    }

    NamespaceLimits namespaceLimits() {
        String namespace = configuration.namespace().value();
        Operation operation = new Operation("get namespace limits", namespace);
        HttpUrl url = transport.api().addPathSegment("namespaces").addPathSegment(namespace)
                .addPathSegment("limits").build();
        return call(operation, "GET", url, null, body -> toLimits(json.readValue(body)));
    }

    Map<String, List<RuntimeKind>> runtimes() {
        Operation operation = new Operation("get the API's runtimes", null);
        return call(operation, "GET", transport.api().build(), null, body -> toRuntimes(json.readValue(body)));
    }

    List<Action> listActions(int limit, int skip) {
        Operation operation = new Operation("list actions", null);
        HttpUrl url = collection(configuration.namespace().value(), "actions")
                .addQueryParameter("limit", Integer.toString(limit))
                .addQueryParameter("skip", Integer.toString(skip))
                .build();
        return call(operation, "GET", url, null, body -> json.readList(body, Action.class));
    }

    Action getAction(String name, boolean includeCode) {
        HttpUrl.Builder url = entity("action", "actions", name, 2);
        if (!includeCode) {
            url.addQueryParameter("code", "false");
        }
        return call(new Operation("get action", name), "GET", url.build(), null,
                body -> json.read(body, Action.class));
    }

    Action putAction(String name, ActionPut action, boolean overwrite) {
        if (action == null) {
            throw new IllegalArgumentException("The ActionPut for action '" + name + "' is required");
        }
        HttpUrl url = entity("action", "actions", name, 2)
                .addQueryParameter("overwrite", Boolean.toString(overwrite)).build();
        Operation operation = new Operation(overwrite ? "update action" : "create action", name);
        return call(operation, "PUT", url, action, body -> json.read(body, Action.class));
    }

    Action deleteAction(String name) {
        HttpUrl url = entity("action", "actions", name, 2).build();
        return call(new Operation("delete action", name), "DELETE", url, null, body -> json.read(body, Action.class));
    }

    PackageEntity getPackage(String name) {
        HttpUrl url = entity("package", "packages", name, 1).build();
        return call(new Operation("get package", name), "GET", url, null,
                body -> json.read(body, PackageEntity.class));
    }

    PackageEntity putPackage(String name, PackagePut pkg, boolean overwrite) {
        HttpUrl url = entity("package", "packages", name, 1)
                .addQueryParameter("overwrite", Boolean.toString(overwrite)).build();
        Operation operation = new Operation(overwrite ? "update package" : "create package", name);
        return call(operation, "PUT", url, pkg == null ? PackagePut.empty() : pkg,
                body -> json.read(body, PackageEntity.class));
    }

    PackageEntity deletePackage(String name, boolean force) {
        HttpUrl.Builder url = entity("package", "packages", name, 1);
        if (force) {
            url.addQueryParameter("force", "true");
        }
        return call(new Operation("delete package", name), "DELETE", url.build(), null,
                body -> json.read(body, PackageEntity.class));
    }

    Activation getActivation(String activationId) {
        HttpUrl url = activation(activationId).build();
        return call(new Operation("get activation", activationId), "GET", url, null,
                body -> json.read(body, Activation.class));
    }

    List<ActivationSummary> listActivations(ActivationQuery query) {
        HttpUrl url = activationList(query, false);
        return call(new Operation("list activations", query == null ? null : query.name()), "GET", url, null,
                body -> json.readList(body, ActivationSummary.class));
    }

    List<Activation> listActivationRecords(ActivationQuery query) {
        HttpUrl url = activationList(query, true);
        return call(new Operation("list activation records", query == null ? null : query.name()), "GET", url,
                null, body -> json.readList(body, Activation.class));
    }

    List<String> activationLogs(String activationId) {
        HttpUrl url = activation(activationId).addPathSegment("logs").build();
        return call(new Operation("get activation logs", activationId), "GET", url, null,
                body -> json.read(body, ActivationLogs.class).logs());
    }

    ActivationResponse activationResult(String activationId) {
        HttpUrl url = activation(activationId).addPathSegment("result").build();
        return call(new Operation("get activation result", activationId), "GET", url, null,
                body -> json.read(body, ActivationResponse.class));
    }

    /** Sends an invoke and returns the raw answer; {@link InvokeInterpreter} reads it. */
    HttpAnswer invoke(Operation operation, String name, Map<String, ?> params, InvokeOptions options) {
        HttpUrl.Builder url = entity("action", "actions", name, 2)
                .addQueryParameter("blocking", Boolean.toString(options.isBlocking()));
        if (options.result()) {
            url.addQueryParameter("result", "true");
        }
        if (options.timeout() != null) {
            url.addQueryParameter("timeout", Long.toString(options.timeout().toMillis()));
        }
        byte[] body = json.write(params == null ? Map.of() : params);
        return transport.send(operation, "POST", url.build(), body, invokeReadTimeout(options));
    }

    /**
     * A blocking invoke may legitimately take as long as the wait it asks for (60 s when unset), so the read
     * timeout covers that wait plus a margin for the answer to travel.
     */
    private Duration invokeReadTimeout(InvokeOptions options) {
        if (!options.isBlocking()) {
            return null;
        }
        Duration wait = options.timeout() != null ? options.timeout() : InvokeInterpreter.SERVER_MAX_BLOCKING_WAIT;
        Duration needed = wait.plus(InvokeInterpreter.BLOCKING_READ_MARGIN);
        return needed.compareTo(transport.readTimeout()) > 0 ? needed : null;
    }

    private <T> T call(Operation operation, String method, HttpUrl url, Object body, BodyReader<T> reader) {
        HttpAnswer answer = transport.send(operation, method, url, body == null ? null : json.write(body), null);
        if (!answer.successful()) {
            throw errors.refused(operation, answer);
        }
        try {
            return reader.read(answer.body());
        } catch (JsonCodec.MalformedJsonException e) {
            throw errors.malformedAnswer(operation, answer, e.getMessage());
        }
    }

    private HttpUrl.Builder collection(String namespace, String collection) {
        return transport.api().addPathSegment("namespaces").addPathSegment(namespace).addPathSegment(collection);
    }

    private HttpUrl.Builder entity(String kind, String collection, String name, int maxSegments) {
        EntityPath path = EntityPath.parse(kind, name, configuration.namespace().value(), maxSegments);
        HttpUrl.Builder url = collection(path.namespace(), collection);
        path.segments().forEach(url::addPathSegment);
        return url;
    }

    private HttpUrl.Builder activation(String activationId) {
        if (activationId == null || activationId.isBlank()) {
            throw new IllegalArgumentException("The activation id is required but was "
                    + (activationId == null ? "null" : "blank"));
        }
        return collection(configuration.namespace().value(), "activations").addPathSegment(activationId);
    }

    private HttpUrl activationList(ActivationQuery query, boolean docs) {
        HttpUrl.Builder url = collection(configuration.namespace().value(), "activations");
        if (query != null) {
            if (query.name() != null) {
                url.addQueryParameter("name", query.name());
            }
            if (query.since() != null) {
                url.addQueryParameter("since", Long.toString(query.since().toEpochMilli()));
            }
            if (query.upto() != null) {
                url.addQueryParameter("upto", Long.toString(query.upto().toEpochMilli()));
            }
            if (query.limit() != null) {
                url.addQueryParameter("limit", query.limit().toString());
            }
            if (query.skip() != null) {
                url.addQueryParameter("skip", query.skip().toString());
            }
        }
        if (docs) {
            url.addQueryParameter("docs", "true");
        }
        return url.build();
    }

    private static NamespaceLimits toLimits(Object value) throws JsonCodec.MalformedJsonException {
        if (!(value instanceof Map<?, ?> map)) {
            throw new JsonCodec.MalformedJsonException("expected a JSON object of limits", null);
        }
        return new NamespaceLimits(integer(map, "invocationsPerMinute"), integer(map, "concurrentInvocations"),
                integer(map, "firesPerMinute"), integer(map, "minActionMemory"), integer(map, "maxActionMemory"),
                integer(map, "minActionTimeout"), integer(map, "maxActionTimeout"), integer(map, "minActionLogs"),
                integer(map, "maxActionLogs"), integer(map, "minActionConcurrency"),
                integer(map, "maxActionConcurrency"));
    }

    private static Map<String, List<RuntimeKind>> toRuntimes(Object value) throws JsonCodec.MalformedJsonException {
        if (!(value instanceof Map<?, ?> info) || !(info.get("runtimes") instanceof Map<?, ?> families)) {
            throw new JsonCodec.MalformedJsonException("expected a JSON object with an object 'runtimes'", null);
        }
        Map<String, List<RuntimeKind>> runtimes = new LinkedHashMap<>();
        for (Map.Entry<?, ?> family : families.entrySet()) {
            List<RuntimeKind> kinds = new ArrayList<>();
            if (family.getValue() instanceof List<?> entries) {
                for (Object entry : entries) {
                    if (entry instanceof Map<?, ?> kind && kind.get("kind") instanceof String name) {
                        kinds.add(new RuntimeKind(name, Boolean.TRUE.equals(kind.get("default")),
                                Boolean.TRUE.equals(kind.get("deprecated"))));
                    }
                }
            }
            runtimes.put(String.valueOf(family.getKey()), List.copyOf(kinds));
        }
        return Map.copyOf(runtimes);
    }

    private static Integer integer(Map<?, ?> map, String key) {
        return map.get(key) instanceof Number number ? number.intValue() : null;
    }

    record ActivationLogs(List<String> logs) {
        ActivationLogs {
            logs = logs == null ? List.of() : logs;
        }
    }
}
