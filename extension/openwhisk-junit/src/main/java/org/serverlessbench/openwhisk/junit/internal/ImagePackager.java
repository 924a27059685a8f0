package org.serverlessbench.openwhisk.junit.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.serverlessbench.openwhisk.docker.BuiltImage;
import org.serverlessbench.openwhisk.docker.DockerConfigurationKeys;
import org.serverlessbench.openwhisk.docker.DockerImageException;
import org.serverlessbench.openwhisk.docker.ImageBuild;
import org.serverlessbench.openwhisk.docker.RuntimeImages;
import org.serverlessbench.openwhisk.docker.SebsImageTag;
import org.serverlessbench.openwhisk.junit.DockerImage;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;

/**
 * Packs an image function as SeBS deploys one: builds (or finds) its image, pushes it to the configured registry,
 * and takes as code the handler zip, or for Java the jar copied out of the image. The result is a {@code blackbox}
 * {@link CodePackage} naming the image.
 */
final class ImagePackager {

    static final String BLACKBOX = "blackbox";
    private static final String BASE_IMAGE_ARG = "BASE_IMAGE";
    private static final String LOCAL_REPOSITORY = "openwhisk-junit/functions";
    private static final String REGISTRY_REPOSITORY = "serverless-benchmarks";

    private final Path moduleDirectory;
    private final CodePackager code;
    private final Supplier<DockerSupport> docker;

    ImagePackager(Path moduleDirectory, CodePackager code, Supplier<DockerSupport> docker) {
        this.moduleDirectory = moduleDirectory;
        this.code = code;
        this.docker = docker;
    }

    static boolean isImageFunction(OpenWhiskFunction function) {
        DockerImage image = function.image();
        return !image.dockerfile().isBlank() || !image.reference().isBlank();
    }

    /** The blackbox package, or empty after adding what is wrong to {@code problems}. */
    Optional<CodePackage> pack(OpenWhiskFunction function, List<String> problems) {
        DockerImage image = function.image();
        if (!image.dockerfile().isBlank() && !image.reference().isBlank()) {
            problems.add("@DockerImage sets both 'dockerfile' and 'reference'; set only one of them");
            return Optional.empty();
        }
        Optional<String> kind = RuntimeImages.resolve(function.kind().strip());
        if (kind.isEmpty()) {
            problems.add("attribute 'kind' is \"" + function.kind() + "\", but an image function needs the kind of"
                    + " runtime its image is built on, one of " + RuntimeImages.kinds());
            return Optional.empty();
        }
        boolean java = kind.get().startsWith("java");
        String main = function.main().strip();
        if (java && main.isEmpty()) {
            problems.add("attribute 'main' is required for a Java image function: the class of the jar "
                    + image.jar() + " in the image, e.g. org.serverlessbench.Handler");
            return Optional.empty();
        }
        Optional<CodePackage> handler = Optional.empty();
        if (!java) {
            handler = code.packHandler(function, problems);
            if (handler.isEmpty()) {
                return Optional.empty();
            }
        }
        Optional<Map<String, String>> buildArgs = buildArgs(image, problems);
        if (buildArgs.isEmpty()) {
            return Optional.empty();
        }
        Path dockerfile = null;
        Path context = null;
        if (!image.dockerfile().isBlank()) {
            dockerfile = moduleDirectory.resolve(image.dockerfile().strip()).normalize();
            context = image.context().isBlank() ? dockerfile.getParent()
                    : moduleDirectory.resolve(image.context().strip()).normalize();
            if (!Files.isRegularFile(dockerfile)) {
                problems.add("@DockerImage 'dockerfile' is \"" + image.dockerfile() + "\", but " + dockerfile
                        + " is not a file (paths are relative to the module directory " + moduleDirectory + ")");
                return Optional.empty();
            }
        }
        DockerSupport support = docker.get();
        Optional<String> unavailable = support.unavailableReason();
        if (unavailable.isPresent()) {
            String message = "Image function '" + function.name() + "' needs Docker: " + unavailable.get();
            if ("true".equals(System.getenv("CI"))) {
                problems.add(message + " (CI=true, so this fails instead of skipping)");
                return Optional.empty();
            }
            Assumptions.abort(message);
        }
        try {
            String reference;
            String id;
            if (dockerfile != null) {
                BuiltImage built = build(function, kind.get(), dockerfile, context, buildArgs.get(), support);
                reference = built.reference();
                id = built.id();
            } else {
                reference = image.reference().strip();
                support.images().ensurePresent(reference, support.registry());
                id = support.images().find(reference).orElseThrow().getId();
            }
            if (java) {
                byte[] jar = support.images().copyFile(reference, image.jar());
                return Optional.of(new CodePackage(BLACKBOX, Base64.getEncoder().encodeToString(jar), true, main,
                        "jar " + image.jar() + " of image " + reference, reference, id));
            }
            CodePackage source = handler.get();
            return Optional.of(new CodePackage(BLACKBOX, source.code(), source.binary(), source.main(),
                    source.source() + " on image " + reference, reference, id));
        } catch (DockerImageException | IllegalArgumentException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }

    /** The {@code NAME=value} pairs of {@link DockerImage#buildArgs()}, or empty after adding what is wrong. */
    private static Optional<Map<String, String>> buildArgs(DockerImage image, List<String> problems) {
        if (image.buildArgs().length > 0 && image.dockerfile().isBlank()) {
            problems.add("@DockerImage 'buildArgs' needs a 'dockerfile' to build");
            return Optional.empty();
        }
        Map<String, String> args = new TreeMap<>();
        for (String arg : image.buildArgs()) {
            int equals = arg.indexOf('=');
            String name = equals < 0 ? "" : arg.substring(0, equals).strip();
            if (name.isEmpty() || name.equals(BASE_IMAGE_ARG) || args.containsKey(name)) {
                problems.add("@DockerImage 'buildArgs' has \"" + arg + "\"; each must be NAME=value, with a NAME given"
                        + " once and not " + BASE_IMAGE_ARG + " (openwhisk-junit sets it to the runtime image)");
                return Optional.empty();
            }
            args.put(name, arg.substring(equals + 1));
        }
        return Optional.of(args);
    }

    private BuiltImage build(OpenWhiskFunction function, String kind, Path dockerfile, Path context,
            Map<String, String> buildArgs, DockerSupport support) {
        String family = kind.substring(0, kind.indexOf(':'));
        String version = kind.substring(kind.indexOf(':') + 1);
        String benchmark = function.image().benchmark().isBlank() ? function.name() : function.image().benchmark();
        String tag = SebsImageTag.of(benchmark, family, version, SebsImageTag.architecture(), "", toolVersion());
        String repository = support.registry().map(r -> r.registry() + "/" + REGISTRY_REPOSITORY)
                .orElse(LOCAL_REPOSITORY);
        String base = support.parameter(DockerConfigurationKeys.RUNTIME_IMAGE_PREFIX + kind)
                .orElseGet(() -> support.runtimes().ensure(kind));
        Map<String, String> args = new TreeMap<>(buildArgs);
        args.put(BASE_IMAGE_ARG, base);
        ImageBuild build = new ImageBuild(dockerfile, context, repository + ":" + tag, args);
        Path functionFolder = function.code().isBlank() ? null : moduleDirectory.resolve(function.code().strip());
        BuiltImage built;
        try {
            if ("nodejs".equals(family) && functionFolder != null && Files.isDirectory(functionFolder)
                    && NodeModules.needsInstall(functionFolder)) {
                // npm runs here, on the host, with the host's registry, proxy and CA settings; the image gets the
                // result as node_modules at the root of its build context (docs/docker.md says why).
                built = support.images().build(build, NodeModules.manifestHash(functionFolder),
                        staged -> copyNodeModules(NodeModules.install(functionFolder, moduleDirectory),
                                staged.resolve("node_modules")));
            } else {
                built = support.images().build(build);
            }
        } catch (IOException e) {
            throw new DockerImageException("Reading the package.json of " + functionFolder + " for the image of '"
                    + function.name() + "' failed: " + e.getMessage(), e);
        }
        support.registry().ifPresent(registry -> support.images().push(built.reference(), registry));
        return built;
    }

    /** The installed dependencies, without npm's own files, into {@code target} (which must not exist). */
    private static void copyNodeModules(Path installed, Path target) throws IOException {
        if (Files.exists(target)) {
            throw new IOException("the build context already has a node_modules folder; remove it, the dependencies of"
                    + " package.json are installed on the host and added to the context");
        }
        for (Map.Entry<String, byte[]> file : Archives.filesOf(installed).entrySet()) {
            if (NodeModules.included(file.getKey())) {
                Path path = target.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
        }
    }

    private static String toolVersion() {
        String version = ImagePackager.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
