package org.serverlessbench.openwhisk.docker;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Image tags named as SeBS names its OpenWhisk function images:
 * {@code function.openwhisk.<benchmark>.<language>-<version>-<arch>[-<prefix>]-<tool version>}.
 */
public final class SebsImageTag {

    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private SebsImageTag() {
    }

    /**
     * The tag, for example {@code function.openwhisk.110.dynamic-html.python-3.11-x64-0.1.0}.
     *
     * @param prefix an optional part before the tool version; empty for none
     * @throws IllegalArgumentException when the result is not a valid Docker tag (letters, digits, {@code _.-},
     *                                  at most 128 characters)
     */
    public static String of(String benchmark, String language, String version, String architecture, String prefix,
            String toolVersion) {
        Objects.requireNonNull(benchmark, "benchmark == null");
        Objects.requireNonNull(language, "language == null");
        Objects.requireNonNull(version, "version == null");
        Objects.requireNonNull(architecture, "architecture == null");
        Objects.requireNonNull(toolVersion, "toolVersion == null");
        String tag = "function.openwhisk." + benchmark + "." + language + "-" + version + "-" + architecture
                + (prefix == null || prefix.isEmpty() ? "" : "-" + prefix) + "-" + toolVersion;
        if (!TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("The image tag '" + tag + "' is not a valid Docker tag (letters,"
                    + " digits, '_', '.', '-', at most 128 characters); shorten or rename the benchmark or prefix");
        }
        return tag;
    }

    /** SeBS's name of this machine's architecture: {@code x64} or {@code arm64}. */
    public static String architecture() {
        String arch = System.getProperty("os.arch");
        return "aarch64".equals(arch) || "arm64".equals(arch) ? "arm64" : "x64";
    }
}
