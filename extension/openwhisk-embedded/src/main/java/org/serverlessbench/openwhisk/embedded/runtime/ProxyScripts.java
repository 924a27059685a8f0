package org.serverlessbench.openwhisk.embedded.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Copies the bundled runtime proxies (class path resources next to this class) into the work directory, once. */
final class ProxyScripts {

    private final Path directory;
    private final Map<String, Path> extracted = new HashMap<>();

    ProxyScripts(Path directory) {
        this.directory = directory;
    }

    synchronized Path extract(String resource) {
        Path existing = extracted.get(resource);
        if (existing != null) {
            return existing;
        }
        Path target = directory.resolve(resource);
        try (InputStream in = ProxyScripts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Runtime proxy resource '" + resource + "' is missing next to "
                        + ProxyScripts.class.getName() + "; the openwhisk-junit jar is incomplete");
            }
            Files.createDirectories(directory);
            Files.copy(in, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy runtime proxy '" + resource + "' to " + target, e);
        }
        extracted.put(resource, target);
        return target;
    }
}
