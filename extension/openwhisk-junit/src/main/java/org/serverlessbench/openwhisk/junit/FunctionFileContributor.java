package org.serverlessbench.openwhisk.junit;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Adds files to the package of a function whose {@code code} is a folder, for modules that give functions shared
 * code (the storage module's {@code storage} helper, for example), as SeBS's build copies its helpers into every
 * function's package. Implementations are found with {@link java.util.ServiceLoader}; a file the function's folder
 * has itself wins over a contributed one of the same path.
 */
public interface FunctionFileContributor {

    /**
     * The files to add to the package of function {@code functionName}, keyed by their path inside the package
     * ({@code /}-separated), or an empty map.
     *
     * @param kind    the function's kind, for example {@code python:3.11} or {@code nodejs:20}
     * @param context the context of the class or method that declares the function
     */
    Map<String, byte[]> files(String functionName, String kind, ExtensionContext context);
}
