package org.serverlessbench.openwhisk.docker;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Connects to the engine before a {@link DockerTest} class and keeps it in the class's store, which closes it. */
final class DockerEngineExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DockerEngineExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        DockerEngine engine = DockerEngine.connect();
        Optional<String> reason = engine.unavailableReason();
        if (reason.isPresent()) {
            engine.close();
        }
        DockerTests.assumeAvailable("Docker", "an engine", reason);
        context.getStore(NAMESPACE).put(DockerEngine.class, engine);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DockerEngine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(DockerEngine.class, DockerEngine.class);
    }
}
