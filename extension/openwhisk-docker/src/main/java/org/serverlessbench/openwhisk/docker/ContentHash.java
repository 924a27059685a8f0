package org.serverlessbench.openwhisk.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A SHA-256 over everything that goes into an image build, so an unchanged build can be skipped. */
final class ContentHash {

    private final MessageDigest digest;

    ContentHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    ContentHash text(String name, String value) {
        bytes(name, value.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    ContentHash bytes(String name, byte[] value) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Long.toString(value.length).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(value);
        return this;
    }

    ContentHash map(String name, Map<String, String> values) {
        new TreeMap<>(values).forEach((key, value) -> text(name + ":" + key, value));
        return this;
    }

    /** Every regular file below {@code directory}, by relative path in sorted order, with its executable bit. */
    ContentHash directory(Path directory) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the build context " + directory, e);
        }
        for (Path file : files) {
            String relative = directory.relativize(file).toString().replace('\\', '/');
            try {
                bytes((Files.isExecutable(file) ? "x:" : "f:") + relative, Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file + " of the build context " + directory, e);
            }
        }
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
