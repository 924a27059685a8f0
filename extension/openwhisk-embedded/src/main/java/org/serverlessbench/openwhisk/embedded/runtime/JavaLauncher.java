package org.serverlessbench.openwhisk.embedded.runtime;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;

/**
 * {@code java:8}: a child JVM (the {@code java} of the running JVM) with the Java action runtime (artifact
 * {@code openwhisk-java-runtime}) and the actions' Gson ({@link JavaActionGson}, not this JVM's) on its class path,
 * its heap limited to fit the action's memory and tuned for a fast start. The runtime is a runtime dependency, found
 * by class name on this JVM's class path; the Gson jar is copied out of it once, into the factory's work directory.
 */
final class JavaLauncher implements RuntimeLauncher {

    static final String KIND = "java:8";
    private static final int NATIVE_RESERVE_MB = 32;

    private static final String RUNTIME_CLASS = "org.serverlessbench.openwhisk.runtime.java.JavaActionRuntime";

    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final Path gsonJar;
    private final String runtimePath;
    private final String classPathProblem;
    private boolean gsonCopied;

    /** Copies the actions' Gson to {@code directory} when the first action JVM starts. */
    JavaLauncher(Path directory) {
        this.gsonJar = directory.resolve("gson.jar");
        String path = null;
        String problem = null;
        try {
            path = location(RUNTIME_CLASS);
            if (!JavaActionGson.available()) {
                problem = "class path resource " + JavaActionGson.RESOURCE + " (the Gson of java actions) is"
                        + " missing, so the java action runtime cannot be started; use an openwhisk-java-runtime"
                        + " of the same version as openwhisk-embedded";
            }
        } catch (IllegalStateException e) {
            problem = e.getMessage();
        }
        this.runtimePath = path;
        this.classPathProblem = problem;
    }

    private static String location(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, JavaLauncher.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("class " + className + " is not on the class path, so the java action"
                    + " runtime cannot be started; add the dependency org.serverlessbench:openwhisk-java-runtime"
                    + " with scope runtime or test");
        }
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("the class path entry of " + type.getName()
                    + " is unknown (no code source), so the java action runtime cannot be started");
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("the class path entry of " + type.getName() + " ("
                    + source.getLocation() + ") is not a local file, so the java action runtime cannot be started");
        }
    }

    private synchronized String classPath() {
        if (!gsonCopied) {
            try {
                JavaActionGson.copyTo(gsonJar);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot copy the Gson of java actions to " + gsonJar, e);
            }
            gsonCopied = true;
        }
        // Gson first: the runtime's class path entry may hold Gson too (the standalone jar shades in 2.11.0).
        return gsonJar + File.pathSeparator + runtimePath;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<String> unavailableReason() {
        if (!Files.isExecutable(java)) {
            return Optional.of("program 'java' was not found at " + java + " (java.home of this JVM); run with a"
                    + " full JDK or JRE to run java actions");
        }
        return Optional.ofNullable(classPathProblem);
    }

    /**
     * The whole memory without a cgroup (the heap is then the only limit). In a cgroup, the heap leaves room for the
     * JVM's own memory (about 24 MB anonymous memory when idle), so that a full heap ends in an
     * {@code OutOfMemoryError} the action sees, as with OpenWhisk's container-aware JVM, rather than a kill.
     */
    static int heapMb(LaunchSpec spec) {
        return spec.cgroupLimited()
                ? Math.max(spec.memoryMb() / 2, spec.memoryMb() - NATIVE_RESERVE_MB)
                : spec.memoryMb();
    }

    @Override
    public List<String> command(LaunchSpec spec) {
        return List.of(
                java.toString(),
                "-Xmx" + heapMb(spec) + "m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-XX:-UsePerfData",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-Dsun.net.httpserver.idleInterval=86400",
                "-Dsun.net.httpserver.nodelay=true",
                "-Djava.io.tmpdir=" + spec.directory(),
                "-Dfile.encoding=UTF-8",
                "-cp", classPath(),
                RUNTIME_CLASS,
                LaunchSpec.ANNOUNCED_PORT);
    }
}
