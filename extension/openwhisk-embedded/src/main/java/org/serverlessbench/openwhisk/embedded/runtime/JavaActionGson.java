package org.serverlessbench.openwhisk.embedded.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The Gson that Java actions run with: OpenWhisk's {@code java:8} runtime gives every action Gson 2.9.0, whatever
 * Gson the test JVM has, so the artifact {@code openwhisk-java-runtime} carries that jar as a resource of its own
 * (its pom owns the version) and the action JVMs get it, never the test JVM's.
 */
public final class JavaActionGson {

    /** The class path resource of the jar, inside the {@code openwhisk-java-runtime} jar. */
    public static final String RESOURCE = "org/serverlessbench/openwhisk/runtime/java/gson.jar";

    private JavaActionGson() {
    }

    /** Whether the resource is on the class path, so that {@link #copyTo(Path)} can succeed. */
    static boolean available() {
        return loader().getResource(RESOURCE) != null;
    }

    /**
     * Writes the jar to {@code target}, replacing what is there.
     *
     * @throws IOException when the resource is missing or cannot be written
     */
    public static void copyTo(Path target) throws IOException {
        try (InputStream in = loader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("class path resource " + RESOURCE + " is missing; add the dependency"
                        + " org.serverlessbench:openwhisk-java-runtime with scope runtime or test");
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The class loader, not the class: a resource of another module or of the class path, not of this module. */
    private static ClassLoader loader() {
        return JavaActionGson.class.getClassLoader();
    }
}
