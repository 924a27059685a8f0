package org.serverlessbench.openwhisk.embedded.invoker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One stored revision of an action, as the controller hands it to the invoker. Warm containers are reused only for an
 * equal {@code revision} of the same {@code path}; every PUT makes a new revision.
 *
 * @param namespace    the action's namespace, such as {@code guest}
 * @param packageName  the package, or {@code null} for the default package
 * @param name         the action name without the package
 * @param version      the semantic version string, such as {@code 0.0.3}
 * @param revision     a number the controller raises on every PUT of any action
 * @param kind         a resolved kind such as {@code nodejs:20}, never a {@code :default} alias
 * @param code         source text or base64 (zip/jar), may be {@code null} for blackbox
 * @param binary       whether {@code code} is base64
 * @param main         the entry point, {@code "main"} when not given
 * @param image        the blackbox image, or {@code null}
 * @param memoryMb     limits.memory
 * @param timeoutMs    limits.timeout
 * @param logsMb       limits.logs
 * @param concurrency  limits.concurrency
 * @param parameters   the action's bound parameters ({@code [{key,value}]}), merged under the invoke payload
 * @param annotations  the action's annotations ({@code [{key,value}]})
 */
public record ActionRevision(
        String namespace,
        String packageName,
        String name,
        String version,
        long revision,
        String kind,
        String code,
        boolean binary,
        String main,
        String image,
        int memoryMb,
        int timeoutMs,
        int logsMb,
        int concurrency,
        ArrayNode parameters,
        ArrayNode annotations) {

    /** {@code guest/pkg/action} or {@code guest/action}: the record's {@code path} annotation. */
    public String path() {
        return packageName == null ? namespace + "/" + name : namespace + "/" + packageName + "/" + name;
    }

    /** {@code /guest/pkg/action}: the value of {@code __OW_ACTION_NAME}. */
    public String fullyQualifiedName() {
        return "/" + path();
    }

    /** The {@code limits} object as OpenWhisk writes it into activation records. */
    public ObjectNode limitsJson(ObjectNode empty) {
        return empty.put("concurrency", concurrency).put("logs", logsMb).put("memory", memoryMb)
                .put("timeout", timeoutMs);
    }
}
