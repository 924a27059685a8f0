package org.serverlessbench.examples;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Injects the {@link BenchmarkSize} configured by {@value BenchmarkSize#CONFIGURATION_KEY} (default {@code test}). */
public final class BenchmarkSizeResolver implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == BenchmarkSize.class;
    }

    @Override
    public BenchmarkSize resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return extensionContext.getConfigurationParameter(BenchmarkSize.CONFIGURATION_KEY)
                .map(value -> parse(value, parameterContext))
                .orElse(BenchmarkSize.TEST);
    }

    private static BenchmarkSize parse(String value, ParameterContext parameterContext) {
        try {
            return BenchmarkSize.parse(value, "the JUnit configuration (system property, launcher or"
                    + " junit-platform.properties)");
        } catch (IllegalArgumentException e) {
            throw new ParameterResolutionException("Cannot resolve parameter [" + parameterContext.getParameter()
                    + "] in method [" + parameterContext.getDeclaringExecutable() + "]: " + e.getMessage(), e);
        }
    }
}
