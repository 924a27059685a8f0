package org.serverlessbench.openwhisk.junit;

/** How a {@link Trigger} reaches the action. */
public enum TriggerType {
    /** A blocking invoke through the REST API ({@code POST /namespaces/_/actions/{name}?blocking=true}). */
    LIBRARY,
    /** A request to the web action URL ({@code /api/v1/web/{namespace}/default/{name}.json}). */
    HTTP
}
