package org.serverlessbench.openwhisk.docker;

/**
 * An image name split as the engine and registries read it: {@code [registry/]path[:tag]}. The first component is a
 * registry when it has a {@code .} or {@code :} or is {@code localhost}.
 *
 * @param registry   such as {@code 127.0.0.1:5000}, or {@code null} for Docker Hub
 * @param path       the repository path inside the registry
 * @param tag        the tag, {@code latest} when not given
 */
record ImageReference(String registry, String path, String tag) {

    static ImageReference parse(String reference) {
        if (reference.contains("@")) {
            throw new IllegalArgumentException("Image reference " + reference
                    + " uses a digest; give a tag (repository:tag) instead");
        }
        String name = reference;
        String tag = "latest";
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        if (colon > slash) {
            tag = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        int first = name.indexOf('/');
        if (first > 0) {
            String head = name.substring(0, first);
            if (head.contains(".") || head.contains(":") || head.equals("localhost")) {
                return new ImageReference(head, name.substring(first + 1), tag);
            }
        }
        return new ImageReference(null, name, tag);
    }

    /** {@code [registry/]path}, the repository the engine pushes and pulls. */
    String repository() {
        return registry == null ? path : registry + "/" + path;
    }

    @Override
    public String toString() {
        return repository() + ":" + tag;
    }
}
