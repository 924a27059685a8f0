package org.serverlessbench.openwhisk.junit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.serverlessbench.openwhisk.junit.FunctionParameterContributor;
import org.serverlessbench.openwhisk.junit.FunctionUpdate;

/** Applies every {@link FunctionParameterContributor} on the classpath to a spec before it is deployed. */
final class ParameterContributors {

    private ParameterContributors() {
    }

    /** {@code spec} with the contributed parameters added; its own parameters win on a clash. */
    static FunctionSpec apply(FunctionSpec spec, ExtensionContext context) {
        Map<String, Object> contributed = new LinkedHashMap<>();
        for (FunctionParameterContributor contributor : ServiceLoader.load(FunctionParameterContributor.class,
                OpenWhiskExtension.class.getClassLoader())) {
            contributed.putAll(contributor.parameters(spec.name(), context));
        }
        if (contributed.isEmpty()) {
            return spec;
        }
        contributed.putAll(spec.parameters());
        return spec.with(new FunctionUpdate(null, null, contributed));
    }
}
