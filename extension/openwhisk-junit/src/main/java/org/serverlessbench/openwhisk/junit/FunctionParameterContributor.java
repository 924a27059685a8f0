package org.serverlessbench.openwhisk.junit;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Adds default parameters to a function before it is deployed, for modules that provide services to functions
 * (storage, for example). Implementations are found with {@link java.util.ServiceLoader}; parameters declared in
 * {@link OpenWhiskFunction#parameters()} win over contributed ones.
 */
public interface FunctionParameterContributor {

    /**
     * The parameters to bind to function {@code functionName}, or an empty map.
     *
     * @param context the context of the class or method that declares the function; services it starts belong in
     *                a Store so that they are closed with the run
     */
    Map<String, Object> parameters(String functionName, ExtensionContext context);
}
