package org.serverlessbench.openwhisk.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Builds images with a content-hash label (and skips a build whose hash an image already carries), tags, pushes,
 * pulls, and copies files out of images. Every message names the image; none contains a password.
 */
public final class DockerImages {

    private static final long BUILD_TIMEOUT_MINUTES = 20;

    private final DockerEngine engine;
    private final DockerClient client;

    public DockerImages(DockerEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine == null");
        this.client = engine.client();
    }

    DockerEngine engine() {
        return engine;
    }

    /** The hash {@link #build} labels the image with: the Dockerfile, the context's files and the build args. */
    public static String contentHash(ImageBuild build) {
        try {
            return new ContentHash()
                    .text("dockerfile-path", build.context().relativize(build.dockerfile()).toString())
                    .bytes("dockerfile", Files.readAllBytes(build.dockerfile()))
                    .map("build-arg", build.buildArgs())
                    .directory(build.context())
                    .hex();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Dockerfile " + build.dockerfile(), e);
        }
    }

    /**
     * Tags an image that carries the build's content hash, or builds one (with host networking, so {@code RUN
     * apt-get} and {@code npm} reach their registries while the engine has no forwarding).
     */
    public BuiltImage build(ImageBuild build) {
        return build(build, withArgImages(contentHash(build), build));
    }

    /**
     * The hash of a build and of the images its build args name, such as {@code BASE_IMAGE}: an image built on a
     * runtime image is stale once that image is rebuilt, though the reference in the build arg stays the same.
     */
    private String withArgImages(String hash, ImageBuild build) {
        Map<String, String> ids = new TreeMap<>();
        build.buildArgs().forEach((name, value) -> {
            try {
                find(value).ifPresent(image -> ids.put(name, image.getId()));
            } catch (BadRequestException notAReference) {
                // a build arg that is no image reference at all
            }
        });
        return ids.isEmpty() ? hash : new ContentHash().text("build", hash).map("build-arg-image", ids).hex();
    }

    /**
     * Builds a context that needs files made on this machine first, such as a function's {@code node_modules}
     * installed by the host's npm. The label is the hash of the build as given and of {@code preparedFrom} (what the
     * prepared files are made from, such as a hash of package.json and its lock file), so a cache hit prepares
     * nothing; on a miss the context is copied to a temporary directory, {@code preparation} adds its files to the
     * copy, and the copy is built.
     */
    public BuiltImage build(ImageBuild build, String preparedFrom, ContextPreparation preparation) {
        Objects.requireNonNull(preparation, "preparation == null");
        String hash = new ContentHash().text("build", withArgImages(contentHash(build), build))
                .text("prepared-from", Objects.requireNonNull(preparedFrom, "preparedFrom == null")).hex();
        Optional<String> existing = imageWithHash(hash);
        if (existing.isPresent()) {
            tag(existing.get(), build.reference());
            return new BuiltImage(build.reference(), existing.get(), hash, true);
        }
        Path staged = null;
        try {
            staged = Files.createTempDirectory("openwhisk-image-context-");
            copyTree(build.context(), staged);
            preparation.addTo(staged);
            ImageBuild copy = new ImageBuild(staged.resolve(build.context().relativize(build.dockerfile())), staged,
                    build.reference(), build.buildArgs());
            return build(copy, hash);
        } catch (IOException e) {
            throw new DockerImageException("Preparing the build context of " + build.reference() + " from "
                    + build.context() + " failed: " + e.getMessage(), e);
        } finally {
            RuntimeImages.deleteQuietly(staged);
        }
    }

    /** Adds files made on this machine to a copy of a build context. */
    @FunctionalInterface
    public interface ContextPreparation {
        /** Adds the files to {@code stagedContext}, a copy of the build context that is deleted after the build. */
        void addTo(Path stagedContext) throws IOException;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    /** Builds with the given label value instead of the context's hash, for contexts that are not reproducible. */
    BuiltImage build(ImageBuild build, String hash) {
        Optional<String> existing = imageWithHash(hash);
        if (existing.isPresent()) {
            tag(existing.get(), build.reference());
            return new BuiltImage(build.reference(), existing.get(), hash, true);
        }
        // The base directory first: withDockerfile packs the context as it is set at that moment (the Dockerfile's
        // folder when none is), so the other order sends a context without a Dockerfile that is not at its root.
        BuildImageCmd command = client.buildImageCmd()
                .withBaseDirectory(build.context().toFile())
                .withDockerfile(build.dockerfile().toFile())
                .withTags(java.util.Set.of(build.reference()))
                .withLabels(Map.of(ImageLabels.CONTENT_HASH, hash))
                .withNetworkMode("host")
                .withPull(false)
                .withRemove(true);
        build.buildArgs().forEach(command::withBuildArg);
        BuildLog log = new BuildLog();
        String id;
        try {
            id = command.exec(log).awaitImageId(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } catch (DockerClientException | com.github.dockerjava.api.exception.DockerException e) {
            throw new DockerImageException("Building image " + build.reference() + " from " + build.dockerfile()
                    + " failed: " + e.getMessage() + log.tail(), e);
        }
        return new BuiltImage(build.reference(), inspect(id).getId(), hash, false);
    }

    /**
     * The id of an image labelled with {@code hash}, if the engine has one. Images built on it inherit its labels
     * (the build stage of a multi-stage Dockerfile stays in the engine as an untagged image, with the base's label),
     * so the label alone does not tell the image from its children: the oldest one, and of equally old ones the
     * smallest, is the image itself, since a child is made after its parent and holds at least its layers.
     */
    Optional<String> imageWithHash(String hash) {
        List<Image> images = client.listImagesCmd()
                .withLabelFilter(Map.of(ImageLabels.CONTENT_HASH, hash))
                .exec();
        return images.stream()
                .min(Comparator.comparing((Image image) -> image.getCreated() == null ? Long.MAX_VALUE
                                : image.getCreated())
                        .thenComparing(image -> image.getSize() == null ? Long.MAX_VALUE : image.getSize()))
                .map(Image::getId);
    }

    /** Gives image {@code id} the name {@code reference} ({@code repository[:tag]}). */
    public void tag(String id, String reference) {
        ImageReference name = ImageReference.parse(reference);
        client.tagImageCmd(id, name.repository(), name.tag()).withForce(true).exec();
    }

    /** The image, or empty when the engine does not have it. */
    public Optional<InspectImageResponse> find(String reference) {
        try {
            return Optional.of(client.inspectImageCmd(reference).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private InspectImageResponse inspect(String reference) {
        return find(reference).orElseThrow(() -> new DockerImageException("Image " + reference
                + " was built but the engine does not know it; is another process removing images?", null));
    }

    /**
     * Pushes {@code reference} (which must name {@code credentials.registry()}), unless the registry already holds
     * the same manifest under that tag. Returns whether it pushed.
     */
    public boolean push(String reference, RegistryCredentials credentials) {
        ImageReference name = ImageReference.parse(reference);
        if (!credentials.registry().equals(name.registry())) {
            throw new IllegalArgumentException("Image " + reference + " does not name registry "
                    + credentials.registry() + "; tag it as " + credentials.registry() + "/<repository>:<tag>");
        }
        InspectImageResponse image = inspect(reference);
        RegistryApi registry = new RegistryApi(credentials);
        Optional<String> remote = registry.manifestDigest(name.path(), name.tag());
        if (remote.isPresent() && localDigests(image, name).contains(remote.get())) {
            return false;
        }
        PushErrors errors = new PushErrors();
        try {
            client.pushImageCmd(name.repository()).withTag(name.tag()).withAuthConfig(authConfig(credentials))
                    .exec(errors).awaitCompletion(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerImageException("Interrupted while pushing " + reference, e);
        } catch (RuntimeException e) {
            throw new DockerImageException("Pushing " + reference + " failed: " + e.getMessage()
                    + " (credentials from " + credentials.source() + ")", e);
        }
        errors.throwIfAny("Pushing " + reference + " to " + credentials.registry() + " (credentials from "
                + credentials.source() + ")");
        return true;
    }

    private static List<String> localDigests(InspectImageResponse image, ImageReference name) {
        List<String> digests = new ArrayList<>();
        if (image.getRepoDigests() != null) {
            for (String repoDigest : image.getRepoDigests()) {
                int at = repoDigest.indexOf('@');
                if (at > 0 && repoDigest.substring(0, at).equals(name.repository())) {
                    digests.add(repoDigest.substring(at + 1));
                }
            }
        }
        return digests;
    }

    /** Pulls {@code reference} unless the engine has it, with credentials when the reference names their registry. */
    public void ensurePresent(String reference, Optional<RegistryCredentials> credentials) {
        if (find(reference).isPresent()) {
            return;
        }
        ImageReference name = ImageReference.parse(reference);
        var command = client.pullImageCmd(name.repository()).withTag(name.tag());
        Optional<RegistryCredentials> matching = credentials.filter(c -> c.registry().equals(name.registry()));
        matching.filter(c -> !c.anonymous()).ifPresent(c -> command.withAuthConfig(authConfig(c)));
        PullErrors errors = new PullErrors();
        try {
            command.exec(errors).awaitCompletion(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerImageException("Interrupted while pulling " + reference, e);
        } catch (RuntimeException e) {
            throw new DockerImageException("Pulling " + reference + " failed: " + e.getMessage()
                    + matching.map(c -> " (credentials from " + c.source() + ")").orElse(""), e);
        }
        errors.throwIfAny("Pulling " + reference);
    }

    /**
     * The bytes of the file {@code path} in image {@code reference}, read from a container that is created (never
     * started) and removed again.
     */
    public byte[] copyFile(String reference, String path) {
        String container = client.createContainerCmd(reference).withCmd("true").exec().getId();
        try (InputStream archive = client.copyArchiveFromContainerCmd(container, path).exec();
             TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
            TarArchiveEntry entry = tar.getNextEntry();
            if (entry == null || !entry.isFile()) {
                throw new DockerImageException(path + " in image " + reference + " is not a regular file", null);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.max(0, entry.getSize()));
            tar.transferTo(bytes);
            return bytes.toByteArray();
        } catch (NotFoundException e) {
            throw new DockerImageException("Image " + reference + " has no file " + path
                    + "; does its Dockerfile build it there?", e);
        } catch (IOException e) {
            throw new DockerImageException("Copying " + path + " out of image " + reference + " failed: "
                    + e.getMessage(), e);
        } finally {
            client.removeContainerCmd(container).withForce(true).exec();
        }
    }

    static AuthConfig authConfig(RegistryCredentials credentials) {
        AuthConfig auth = new AuthConfig().withRegistryAddress(credentials.registry());
        if (!credentials.anonymous()) {
            auth.withUsername(credentials.username()).withPassword(credentials.password());
        }
        return auth;
    }

    /** Keeps the last lines of a build's output for the error message. */
    private static final class BuildLog extends BuildImageResultCallback {
        private static final int KEPT = 30;
        private final java.util.ArrayDeque<String> lines = new java.util.ArrayDeque<>();

        @Override
        public void onNext(BuildResponseItem item) {
            String stream = item.getStream();
            if (stream != null) {
                synchronized (lines) {
                    for (String line : stream.split("\n")) {
                        if (!line.isBlank()) {
                            lines.addLast(line);
                            if (lines.size() > KEPT) {
                                lines.removeFirst();
                            }
                        }
                    }
                }
            }
            super.onNext(item);
        }

        String tail() {
            synchronized (lines) {
                return lines.isEmpty() ? "" : "\nLast lines of the build:\n" + String.join("\n", lines);
            }
        }
    }

    /** docker-java does not fail a push or pull whose progress items carry an error; this collects them. */
    private static class ProgressErrors<T extends ResponseItem> extends ResultCallback.Adapter<T> {
        private final List<String> errors = new ArrayList<>();

        @Override
        public void onNext(T item) {
            if (item.isErrorIndicated()) {
                // the engine sends each error as "errorDetail" and as the older "error" (deprecated in docker-java)
                String error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage() : "an error without a message: " + item;
                synchronized (errors) {
                    errors.add(error);
                }
            }
        }

        void throwIfAny(String what) {
            synchronized (errors) {
                if (!errors.isEmpty()) {
                    throw new DockerImageException(what + " failed: " + String.join("; ", errors), null);
                }
            }
        }
    }

    private static final class PushErrors extends ProgressErrors<PushResponseItem> {
    }

    private static final class PullErrors extends ProgressErrors<PullResponseItem> {
    }
}
