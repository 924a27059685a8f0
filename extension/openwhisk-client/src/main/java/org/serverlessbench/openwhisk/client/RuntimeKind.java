package org.serverlessbench.openwhisk.client;

/**
 * One runtime kind as {@code GET /api/v1} lists it under {@code runtimes}.
 *
 * @param kind        e.g. {@code nodejs:20}
 * @param isDefault   whether {@code <family>:default} means this kind
 * @param deprecated  whether the deployment marks it deprecated
 */
public record RuntimeKind(String kind, boolean isDefault, boolean deprecated) {
}
