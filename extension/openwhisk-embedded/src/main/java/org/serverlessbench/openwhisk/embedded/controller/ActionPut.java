package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.serverlessbench.openwhisk.embedded.invoker.ActionRevision;

/**
 * The body of an action PUT and the rules OpenWhisk applies to it (§1.4): kinds resolved, {@code binary} computed,
 * limits checked, {@code exec} and {@code provide-api-key} annotations stamped, fields merged on update and the
 * version raised.
 */
final class ActionPut {
    private static final Pattern BASE64 =
            Pattern.compile("^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}==)$");
    private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    private final Exec exec;
    private final ArrayNode parameters;
    private final ArrayNode annotations;
    private final Set<String> deleteAnnotations;
    private final Limits limits;
    private final String version;
    private final Boolean publish;

    /** {@code components}: fully qualified component names of a sequence ({@code /guest/a}), else {@code null}. */
    private record Exec(String kind, String code, boolean binary, String main, String image, List<String> components) {
        boolean sequence() {
            return components != null;
        }
    }

    private record Limits(Integer timeout, Integer memory, Integer logs, Integer concurrency) {
    }

    private ActionPut(Exec exec, ArrayNode parameters, ArrayNode annotations, Set<String> deleteAnnotations,
            Limits limits, String version, Boolean publish) {
        this.exec = exec;
        this.parameters = parameters;
        this.annotations = annotations;
        this.deleteAnnotations = deleteAnnotations;
        this.limits = limits;
        this.version = version;
        this.publish = publish;
    }

    /** Reads a PUT body, an object ({@link Json#parseObjectBody}). */
    static ActionPut parse(JsonNode body, ControllerConfig config) {
        ArrayNode parameters = KeyValues.readParameters(body);
        Set<String> deleteAnnotations = new HashSet<>();
        body.path("delAnnotations").forEach(k -> deleteAnnotations.add(k.asText()));
        return new ActionPut(parseExec(body.get("exec"), config.namespace()), parameters,
                KeyValues.read(body, "annotations"),
                deleteAnnotations, parseLimits(body.get("limits"), config), parseVersion(body.get("version")),
                body.hasNonNull("publish") ? body.get("publish").asBoolean() : null);
    }

    /** The components when this body makes the action a sequence, else {@code null}. */
    List<String> sequenceComponents() {
        return exec == null ? null : exec.components();
    }

    /** A new action from this body; {@code exec} is required. */
    StoredAction create(String namespace, String packageName, String name, long revision, long now,
            ControllerConfig config) {
        if (exec == null) {
            throw ApiException.badRequest("exec undefined");
        }
        ArrayNode annotationsOut = annotations == null ? Json.array() : annotations.deepCopy();
        Json.putKeyValue(annotationsOut, "exec", TextNode.valueOf(exec.kind()));
        if (Json.keyValue(annotationsOut, "provide-api-key") == null) {
            Json.putKeyValue(annotationsOut, "provide-api-key", BooleanNode.FALSE);
        }
        Limits l = limits == null ? new Limits(null, null, null, null) : limits;
        return build(namespace, packageName, name, revision, now, exec,
                version == null ? "0.0.1" : version,
                or(l.timeout(), ControllerConfig.DEFAULT_TIMEOUT_MS), or(l.memory(), config.defaultMemoryMb()),
                or(l.logs(), ControllerConfig.DEFAULT_LOGS_MB), or(l.concurrency(), ControllerConfig.MIN_CONCURRENCY),
                exec.sequence() ? sequenceParameters(exec) : parameters == null ? Json.array() : parameters,
                annotationsOut, publish != null && publish);
    }

    /**
     * The existing action with the fields this body gives replaced; a new revision and the next patch version.
     * Annotations merge as in OpenWhisk: the old ones without those named in {@code delAnnotations}, then the new.
     */
    StoredAction update(StoredAction existing, long revision, long now) {
        ActionRevision old = existing.revision();
        Exec execOut = exec != null ? exec : new Exec(old.kind(), old.code(), old.binary(), existing.declaredMain(),
                old.image(), existing.components());
        ArrayNode annotationsOut = Json.array();
        old.annotations().forEach(a -> {
            if (!deleteAnnotations.contains(a.path("key").asText())) {
                annotationsOut.add(a.deepCopy());
            }
        });
        if (annotations != null) {
            annotations.forEach(a -> Json.putKeyValue(annotationsOut, a.get("key").textValue(), a.get("value")));
        }
        Json.putKeyValue(annotationsOut, "exec", TextNode.valueOf(execOut.kind()));
        Limits l = limits == null ? new Limits(null, null, null, null) : limits;
        return build(old.namespace(), old.packageName(), old.name(), revision, now, execOut,
                version != null ? version : nextPatch(old.version()),
                or(l.timeout(), old.timeoutMs()), or(l.memory(), old.memoryMb()), or(l.logs(), old.logsMb()),
                or(l.concurrency(), old.concurrency()),
                updatedParameters(existing, execOut), annotationsOut, publish != null ? publish : existing.publish());
    }

    /**
     * As OpenWhisk: a sequence's parameters are its {@code _actions}; an action that stops being a sequence does not
     * inherit them, and a sequence ignores parameters in the body.
     */
    private ArrayNode updatedParameters(StoredAction existing, Exec execOut) {
        if (execOut.sequence()) {
            return sequenceParameters(execOut);
        }
        if (parameters != null) {
            return parameters;
        }
        return existing.sequence() ? Json.array() : existing.revision().parameters().deepCopy();
    }

    private static ArrayNode sequenceParameters(Exec exec) {
        ArrayNode names = Json.array();
        exec.components().forEach(names::add);
        ArrayNode pairs = Json.array();
        pairs.addObject().put("key", "_actions").set("value", names);
        return pairs;
    }

    private static StoredAction build(String namespace, String packageName, String name, long revision, long now,
            Exec exec, String version, int timeout, int memory, int logs, int concurrency, ArrayNode parameters,
            ArrayNode annotations, boolean publish) {
        ActionRevision revisionOut = new ActionRevision(namespace, packageName, name, version, revision, exec.kind(),
                exec.code(), exec.binary(), exec.main() == null ? "main" : exec.main(), exec.image(), memory, timeout,
                logs, concurrency, parameters, annotations);
        return new StoredAction(revisionOut, exec.main(), publish, now, exec.components());
    }

    private static int or(Integer value, int fallback) {
        return value != null ? value : fallback;
    }

    static String nextPatch(String version) {
        var m = SEMVER.matcher(version);
        if (!m.matches()) {
            return "0.0.1";
        }
        return m.group(1) + "." + m.group(2) + "." + (Long.parseLong(m.group(3)) + 1);
    }

    /** OpenWhisk's {@code Exec.isBinaryCode}: trimmed, non-empty, length a multiple of 4, base64 alphabet. */
    static boolean isBinaryCode(String code) {
        if (code == null) {
            return false;
        }
        String t = code.trim();
        return !t.isEmpty() && t.length() % 4 == 0 && BASE64.matcher(t).matches();
    }

    private static Exec parseExec(JsonNode exec, String namespace) {
        if (exec == null || exec.isNull()) {
            return null;
        }
        if (!exec.isObject()) {
            throw ApiException.malformedContent("Object expected in field 'exec'");
        }
        if (!exec.path("kind").isTextual()) {
            throw ApiException.malformedContent("'kind' must be a string defined in 'exec'");
        }
        String requested = exec.get("kind").textValue().trim().toLowerCase(java.util.Locale.ROOT);
        String kind = Kinds.resolve(requested);
        if (kind == null) {
            throw ApiException.malformedContent(Kinds.unknownKindMessage(requested));
        }
        if (kind.equals(Kinds.SEQUENCE)) {
            return new Exec(kind, null, false, null, null, SequenceComponents.parse(exec.get("components"), namespace));
        }
        JsonNode mainNode = exec.get("main");
        if (mainNode != null && !mainNode.isNull() && !mainNode.isTextual()) {
            throw ApiException.malformedContent("if defined, 'main' be a string in 'exec' for '" + kind + "' actions");
        }
        String main = mainNode != null && mainNode.isTextual() ? mainNode.textValue() : null;
        if (kind.equals(Kinds.BLACKBOX)) {
            if (!exec.path("image").isTextual() || exec.get("image").textValue().isBlank()) {
                throw ApiException.malformedContent(
                        "'image' must be a string defined in 'exec' for 'blackbox' actions");
            }
            String code = exec.path("code").isTextual() && !exec.get("code").textValue().isBlank()
                    ? exec.get("code").textValue() : null;
            checkCodeSize(code);
            return new Exec(kind, code, isBinaryCode(code), main, exec.get("image").textValue(), null);
        }
        JsonNode codeNode = exec.hasNonNull("code") ? exec.get("code") : exec.get("jar");
        if (codeNode == null || !codeNode.isTextual()) {
            throw ApiException.malformedContent("'code' must be a string defined in 'exec' for '" + kind + "' actions");
        }
        if (main == null && Kinds.requiresMain(kind)) {
            throw ApiException.malformedContent("'main' must be a string defined in 'exec' for '" + kind + "' actions");
        }
        String code = codeNode.textValue();
        checkCodeSize(code);
        return new Exec(kind, code, isBinaryCode(code), main, null, null);
    }

    private static void checkCodeSize(String code) {
        if (code != null && code.length() > ControllerConfig.MAX_CODE_BYTES) {
            throw new ApiException(413, Messages.entityTooBig("exec", code.length(), ControllerConfig.MAX_CODE_BYTES));
        }
    }

    private static Limits parseLimits(JsonNode limits, ControllerConfig config) {
        if (limits == null || limits.isNull()) {
            return null;
        }
        if (!limits.isObject()) {
            throw ApiException.malformedContent("Object expected in field 'limits'");
        }
        Integer timeout = wholeNumber(limits, "timeout");
        Integer memory = wholeNumber(limits, "memory");
        Integer logs = wholeNumber(limits, "logs");
        Integer concurrency = wholeNumber(limits, "concurrency");
        if (timeout != null) {
            if (timeout < ControllerConfig.MIN_TIMEOUT_MS) {
                throw requirement("duration " + timeout + " milliseconds below allowed threshold of "
                        + ControllerConfig.MIN_TIMEOUT_MS + " milliseconds");
            }
            if (timeout > ControllerConfig.MAX_TIMEOUT_MS) {
                throw requirement("duration " + timeout + " milliseconds exceeds allowed threshold of "
                        + ControllerConfig.MAX_TIMEOUT_MS + " milliseconds");
            }
        }
        if (memory != null) {
            if (memory < config.minMemoryMb()) {
                throw requirement("memory " + memory + " MB below allowed threshold of " + bytes(config.minMemoryMb()));
            }
            if (memory > config.maxMemoryMb()) {
                throw requirement("memory " + memory + " MB exceeds allowed threshold of "
                        + bytes(config.maxMemoryMb()));
            }
        }
        if (logs != null) {
            if (logs < ControllerConfig.MIN_LOGS_MB) {
                throw requirement("log size " + logs + " MB below allowed threshold of "
                        + bytes(ControllerConfig.MIN_LOGS_MB));
            }
            if (logs > ControllerConfig.MAX_LOGS_MB) {
                throw requirement("log size " + logs + " MB exceeds allowed threshold of "
                        + bytes(ControllerConfig.MAX_LOGS_MB));
            }
        }
        if (concurrency != null) {
            if (concurrency < ControllerConfig.MIN_CONCURRENCY) {
                throw requirement("concurrency " + concurrency + " below allowed threshold of "
                        + ControllerConfig.MIN_CONCURRENCY);
            }
            if (concurrency > ControllerConfig.MAX_CONCURRENCY) {
                throw requirement("concurrency " + concurrency + " exceeds allowed threshold of "
                        + ControllerConfig.MAX_CONCURRENCY);
            }
        }
        return new Limits(timeout, memory, logs, concurrency);
    }

    private static String bytes(long megabytes) {
        return (megabytes * 1024 * 1024) + " B";
    }

    private static ApiException requirement(String message) {
        return ApiException.malformedContent("requirement failed: " + message);
    }

    private static Integer wholeNumber(JsonNode limits, String field) {
        JsonNode value = limits.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || !value.canConvertToInt() || value.doubleValue() != Math.rint(value.doubleValue())) {
            throw ApiException.malformedContent(field + " limit must be whole number");
        }
        return value.intValue();
    }

    /** A semantic version from a PUT body, normalised; {@code null} when absent; 400 when malformed. */
    static String parseVersion(JsonNode version) {
        if (version == null || version.isNull()) {
            return null;
        }
        if (!version.isTextual() || !SEMVER.matcher(version.textValue()).matches()) {
            throw ApiException.malformedContent("bad semantic version");
        }
        var m = SEMVER.matcher(version.textValue());
        m.matches();
        return Long.parseLong(m.group(1)) + "." + Long.parseLong(m.group(2)) + "." + Long.parseLong(m.group(3));
    }
}
