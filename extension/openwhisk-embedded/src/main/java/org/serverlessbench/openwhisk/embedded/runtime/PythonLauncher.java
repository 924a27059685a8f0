package org.serverlessbench.openwhisk.embedded.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code python:3.11}: the real interpreter behind {@code python3} on the PATH running the bundled
 * {@code python-proxy.py}. A wrapper script such as a pyenv shim costs ~100 ms per start, so it is resolved once to
 * the interpreter it runs ({@code sys.executable}).
 */
final class PythonLauncher implements RuntimeLauncher {

    static final String KIND = "python:3.11";
    private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};

    private final String pathVariable;
    private final ProxyScripts scripts;
    private Interpreter interpreter;

    private record Interpreter(Path executable, String problem) {
    }

    PythonLauncher(String pathVariable, ProxyScripts scripts) {
        this.pathVariable = pathVariable;
        this.scripts = scripts;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(interpreter().problem());
    }

    @Override
    public List<String> command(LaunchSpec spec) {
        return List.of(
                interpreter().executable().toString(),
                scripts.extract("python-proxy.py").toString(),
                LaunchSpec.ANNOUNCED_PORT,
                spec.directory().toString(),
                Integer.toString(spec.memoryMb()));
    }

    /**
     * OpenBLAS (numpy) reserves address space per CPU core when it is imported; under the address-space limit that
     * made {@code import numpy} fail in a 128 MB action on a 2-core machine, and worse the more cores there are.
     */
    @Override
    public Map<String, String> defaultEnvironment() {
        return Map.of("OPENBLAS_NUM_THREADS", "1");
    }

    private synchronized Interpreter interpreter() {
        if (interpreter == null) {
            interpreter = resolve();
        }
        return interpreter;
    }

    private Interpreter resolve() {
        Optional<Path> onPath = ExecutableLookup.onPath("python3", pathVariable);
        if (onPath.isEmpty()) {
            return new Interpreter(null,
                    "program 'python3' was not found on the PATH; install Python 3.11 to run python actions");
        }
        Path candidate = onPath.get();
        try {
            Path real = candidate.toRealPath();
            if (isNativeExecutable(real)) {
                return new Interpreter(real, null);
            }
            return askForExecutable(candidate);
        } catch (IOException e) {
            return new Interpreter(null, "program 'python3' at " + candidate + " cannot be used: " + e.getMessage()
                    + "; install Python 3.11 to run python actions");
        }
    }

    private static boolean isNativeExecutable(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(ELF_MAGIC.length), ELF_MAGIC);
        }
    }

    private static Interpreter askForExecutable(Path wrapper) throws IOException {
        Process process = new ProcessBuilder(wrapper.toString(), "-c", "import sys; print(sys.executable)")
                .redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0 || output.isEmpty()) {
                return new Interpreter(null, "program 'python3' at " + wrapper + " did not start: " + output
                        + "; install Python 3.11 (or select a version, e.g. 'pyenv global 3.11') to run python"
                        + " actions");
            }
            return new Interpreter(Path.of(output.lines().reduce((first, last) -> last).orElseThrow()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new Interpreter(null, "interrupted while asking " + wrapper + " for its interpreter");
        }
    }
}
