package org.serverlessbench.openwhisk.docker;

/**
 * An image that exists in the engine.
 *
 * @param reference   the name it is tagged with
 * @param id          the engine's image id, {@code sha256:...}
 * @param contentHash the hash of its build context and Dockerfile (its label)
 * @param cacheHit    whether an image with this hash existed, so nothing was built
 */
public record BuiltImage(String reference, String id, String contentHash, boolean cacheHit) {
}
