package org.serverlessbench.openwhisk.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.serverlessbench.openwhisk.junit.FunctionFileContributor;

/**
 * Adds the storage helper of its language ({@code storage.py} or {@code storage.js}) to the package of every
 * Python and Node.js function of a class with {@code @OpenWhiskStorage}, as SeBS adds its storage module to every
 * function it builds. Java functions get theirs from their own jar.
 */
public final class StorageHelpers implements FunctionFileContributor {

    static final String PYTHON = "storage.py";
    static final String NODEJS = "storage.js";

    @Override
    public Map<String, byte[]> files(String functionName, String kind, ExtensionContext context) {
        if (!StorageExtension.declares(context)) {
            return Map.of();
        }
        if (kind.startsWith("python:")) {
            return Map.of(PYTHON, helper(PYTHON));
        }
        if (kind.startsWith("nodejs:")) {
            return Map.of(NODEJS, helper(NODEJS));
        }
        return Map.of();
    }

    static byte[] helper(String name) {
        try (InputStream in = StorageHelpers.class.getResourceAsStream("helpers/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the storage helper " + name + " is missing from the"
                        + " openwhisk-storage jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the storage helper " + name + " could not be read", e);
        }
    }
}
