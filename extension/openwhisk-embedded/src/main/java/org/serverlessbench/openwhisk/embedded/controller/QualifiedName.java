package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A fully qualified entity name as OpenWhisk's {@code FullyQualifiedEntityName} reads it: the string
 * {@code /namespace/[package/]name} (the leading slash optional) or the object {@code {"path", "name"}}, with
 * {@code _} standing for the caller's namespace.
 *
 * @param packageName the package, or {@code null} for the default package
 */
record QualifiedName(String namespace, String packageName, String name) {

    /** Reads {@code value} of the body field {@code field}; a 400 naming the field when it is not such a name. */
    static QualifiedName parse(JsonNode value, String callerNamespace, String field) {
        String path;
        String name;
        if (value != null && value.isTextual()) {
            String text = value.textValue().startsWith("/") ? value.textValue().substring(1) : value.textValue();
            int last = text.lastIndexOf('/');
            path = last < 0 ? "" : text.substring(0, last);
            name = text.substring(last + 1);
        } else if (value != null && value.isObject() && value.path("path").isTextual()
                && value.path("name").isTextual()) {
            path = value.get("path").textValue();
            name = value.get("name").textValue();
        } else {
            throw malformed(value, field);
        }
        String[] segments = path.split("/", -1);
        if (path.isEmpty() || segments.length > 2) {
            throw malformed(value, field);
        }
        try {
            NamespaceGuard.checkName(name);
            for (String segment : segments) {
                NamespaceGuard.checkName(segment);
            }
        } catch (ApiException illegal) {
            throw malformed(value, field);
        }
        String namespace = segments[0].equals("_") ? callerNamespace : segments[0];
        return new QualifiedName(namespace, segments.length == 2 ? segments[1] : null, name);
    }

    /** Reads {@code /namespace/[package/]name} as it is stored. */
    static QualifiedName of(String withLeadingSlash) {
        return parse(Json.NODES.textNode(withLeadingSlash), null, "name");
    }

    private static ApiException malformed(JsonNode value, String field) {
        return ApiException.malformedContent("'" + field + "' must be a fully qualified name such as "
                + "/_/name or /_/package/name, got " + value);
    }

    /** {@code guest} or {@code guest/pkg}: the {@code path} of the object form. */
    String path() {
        return packageName == null ? namespace : namespace + "/" + packageName;
    }

    /** {@code guest/pkg/name}: how OpenWhisk keys trigger links and writes rule names in trigger activations. */
    String docId() {
        return path() + "/" + name;
    }

    /** {@code /guest/pkg/name}: how sequences list their components. */
    String withLeadingSlash() {
        return "/" + docId();
    }

    ObjectNode toJson() {
        return Json.object().put("path", path()).put("name", name);
    }
}
