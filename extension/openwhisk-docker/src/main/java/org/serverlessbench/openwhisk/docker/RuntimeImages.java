package org.serverlessbench.openwhisk.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.serverlessbench.openwhisk.embedded.runtime.JavaActionGson;

/**
 * The project's runtime images, made on this machine because no image registry is reachable from it: a Debian
 * minbase made with {@code debootstrap} from the archive apt uses, imported into the engine, and on it one image per
 * kind with its interpreter (Debian's, but the official Node.js build) and the embedded OpenWhisk's runtime proxy.
 * Each is built once per machine and reused while its content hash is unchanged.
 */
public final class RuntimeImages {

    public static final String NODEJS = "nodejs:20";
    public static final String PYTHON = "python:3.11";
    public static final String JAVA = "java:8";

    private static final String SUITE = "bookworm";
    private static final String BASE_REPOSITORY = "openwhisk-junit/debian";
    private static final String EMBEDDED_RUNTIME = "/org/serverlessbench/openwhisk/embedded/runtime/";
    /** The Java action runtime is a runtime dependency: only its classes and the actions' Gson go into the image. */
    private static final String JAVA_RUNTIME = "org.serverlessbench.openwhisk.runtime.java.JavaActionRuntime";
    private static final String JAVA_RUNTIME_PACKAGE =
            JAVA_RUNTIME.substring(0, JAVA_RUNTIME.lastIndexOf('.')).replace('.', '/') + "/";
    private static final Map<String, String> IMAGES = Map.of(
            NODEJS, "openwhisk-junit/runtime-nodejs:20",
            PYTHON, "openwhisk-junit/runtime-python:3.11",
            JAVA, "openwhisk-junit/runtime-java:8");
    private static final Map<String, String> ALIASES = Map.of(
            "nodejs:default", NODEJS, "python:3", PYTHON, "python:default", PYTHON, "java:default", JAVA);

    private final DockerImages images;
    private final Path aptDirectory;
    private final Map<String, String> ensured = new HashMap<>();

    public RuntimeImages(DockerImages images) {
        this(images, Path.of("/etc/apt"));
    }

    RuntimeImages(DockerImages images, Path aptDirectory) {
        this.images = images;
        this.aptDirectory = aptDirectory;
    }

    /** The kinds there are images for. */
    public static List<String> kinds() {
        return List.of(NODEJS, PYTHON, JAVA);
    }

    /** {@code nodejs:default} as {@code nodejs:20}, and so on; empty for a kind without an image. */
    public static Optional<String> resolve(String kind) {
        String resolved = ALIASES.getOrDefault(kind, kind);
        return IMAGES.containsKey(resolved) ? Optional.of(resolved) : Optional.empty();
    }

    /**
     * The runtime image of {@code kind}, built first if this machine has no image of the current recipe.
     *
     * @throws IllegalArgumentException for a kind without an image
     * @throws DockerImageException     when the base or the runtime image cannot be made
     */
    public synchronized String ensure(String kind) {
        String resolved = resolve(kind).orElseThrow(() -> new IllegalArgumentException("Kind '" + kind
                + "' has no project runtime image; the images are for " + kinds()));
        String known = ensured.get(resolved);
        if (known != null) {
            return known;
        }
        String base = ensureBase();
        String family = resolved.substring(0, resolved.indexOf(':'));
        Path context = null;
        try {
            context = Files.createTempDirectory("openwhisk-runtime-image-");
            copyResource("runtime/" + family + ".Dockerfile", context.resolve("Dockerfile"));
            switch (family) {
                case "nodejs" -> copyResource(EMBEDDED_RUNTIME + "nodejs-proxy.js", context.resolve("nodejs-proxy.js"));
                case "python" -> copyResource(EMBEDDED_RUNTIME + "python-proxy.py", context.resolve("python-proxy.py"));
                default -> {
                    writeJavaRuntimeJar(context.resolve("java-runtime.jar"));
                    JavaActionGson.copyTo(context.resolve("gson.jar"));
                }
            }
            Map<String, String> args = "java".equals(family)
                    ? Map.of("BASE_IMAGE", base, "JAVA_RUNTIME_CLASS", JAVA_RUNTIME)
                    : Map.of("BASE_IMAGE", base);
            BuiltImage built = images.build(new ImageBuild(context.resolve("Dockerfile"), context,
                    IMAGES.get(resolved), args));
            ensured.put(resolved, built.reference());
            return built.reference();
        } catch (IOException e) {
            throw new DockerImageException("Cannot prepare the build of the " + resolved + " runtime image: "
                    + e.getMessage(), e);
        } finally {
            deleteQuietly(context);
        }
    }

    /** The Debian minbase image, tagged with a hash of how it is made; made with debootstrap when missing. */
    String ensureBase() {
        String mirror = AptSources.mirror(aptDirectory, SUITE).orElseThrow(() -> new DockerImageException(
                "No apt source for Debian " + SUITE + " (main) in " + aptDirectory + "; the project's runtime"
                        + " images are made with debootstrap from the archive apt uses", null));
        String hash = new ContentHash().text("suite", SUITE).text("mirror", mirror).text("variant", "minbase")
                .text("arch", SebsImageTag.architecture()).hex();
        String reference = BASE_REPOSITORY + ":" + SUITE + "-minbase-" + hash.substring(0, 16);
        if (images.find(reference).isPresent()) {
            return reference;
        }
        Path root = null;
        try {
            root = Files.createTempDirectory("openwhisk-debootstrap-");
            Path tree = root.resolve("tree");
            Path context = Files.createDirectory(root.resolve("context"));
            run(List.of("debootstrap", "--variant=minbase", SUITE, tree.toString(), mirror));
            run(List.of("tar", "-C", tree.toString(), "-cf", context.resolve("rootfs.tar").toString(), "."));
            // An import (POST /images/create?fromSrc=-) through docker-java 3.7.0 fails with "unexpected EOF";
            // a build that ADDs the tree's tar to an empty image gives the same image.
            Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nADD rootfs.tar /\nCMD [\"bash\"]\n");
            images.build(new ImageBuild(context.resolve("Dockerfile"), context, reference, Map.of()), hash);
            return reference;
        } catch (IOException e) {
            throw new DockerImageException("Cannot make the Debian base image " + reference + ": " + e.getMessage()
                    + "; it needs debootstrap (apt-get install debootstrap) and root", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerImageException("Interrupted while making the Debian base image " + reference, e);
        } finally {
            deleteQuietly(root);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            String text = new String(output, StandardCharsets.UTF_8).strip();
            String tail = text.length() > 4000 ? text.substring(text.length() - 4000) : text;
            throw new DockerImageException(String.join(" ", command) + " failed (it needs root and the network to the"
                    + " Debian mirror):\n" + tail, null);
        }
    }

    private static void copyResource(String resource, Path target) throws IOException {
        try (InputStream in = RuntimeImages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("class path resource " + resource + " is missing; is openwhisk-embedded on"
                        + " the class path?");
            }
            Files.copy(in, target);
        }
    }

    /** The classes of the Java action runtime package, from wherever they are on the class path. */
    private static void writeJavaRuntimeJar(Path target) throws IOException {
        Path source = classPathEntry(runtimeClass(JAVA_RUNTIME));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(target))) {
            if (Files.isDirectory(source)) {
                Path directory = source.resolve(JAVA_RUNTIME_PACKAGE);
                try (Stream<Path> files = Files.list(directory)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                        addEntry(jar, JAVA_RUNTIME_PACKAGE + file.getFileName(), Files.readAllBytes(file));
                    }
                }
            } else {
                try (JarFile from = new JarFile(source.toFile())) {
                    for (JarEntry entry : from.stream().sorted(Comparator.comparing(JarEntry::getName)).toList()) {
                        String name = entry.getName();
                        if (name.startsWith(JAVA_RUNTIME_PACKAGE) && name.endsWith(".class")
                                && name.indexOf('/', JAVA_RUNTIME_PACKAGE.length()) < 0) {
                            try (InputStream in = from.getInputStream(entry)) {
                                addEntry(jar, name, in.readAllBytes());
                            }
                        }
                    }
                }
            }
        }
    }

    /** Entries with a fixed time, so the jar (and the image's content hash) depends on the classes only. */
    private static void addEntry(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setTime(0);
        jar.putNextEntry(entry);
        jar.write(bytes);
        jar.closeEntry();
    }

    private static Class<?> runtimeClass(String name) {
        try {
            return Class.forName(name, false, RuntimeImages.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is not on the class path; openwhisk-docker needs the runtime"
                    + " dependency org.serverlessbench:openwhisk-java-runtime", e);
        }
    }

    private static Path classPathEntry(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new DockerImageException("The class path entry of " + type.getName() + " is unknown", null);
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new DockerImageException("The class path entry of " + type.getName() + " is not a file", e);
        }
    }

    static void deleteQuietly(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("[openwhisk-docker] could not delete " + directory + ": " + e.getMessage());
        }
    }
}
