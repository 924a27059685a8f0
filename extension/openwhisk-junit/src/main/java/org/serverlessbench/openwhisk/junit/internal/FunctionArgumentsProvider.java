package org.serverlessbench.openwhisk.junit.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.serverlessbench.openwhisk.junit.DeployedFunction;
import org.serverlessbench.openwhisk.junit.FunctionSource;
import org.serverlessbench.openwhisk.junit.HttpTrigger;
import org.serverlessbench.openwhisk.junit.LibraryTrigger;
import org.serverlessbench.openwhisk.junit.Trigger;

/**
 * The arguments of a {@link FunctionSource}: one per function and repetition, each a trigger or function handle
 * that the extension binds to the test invocation (see {@link FunctionArgument}).
 */
public final class FunctionArgumentsProvider implements ArgumentsProvider, AnnotationConsumer<FunctionSource> {

    private static final Set<Class<?>> TYPES = Set.of(Trigger.class, LibraryTrigger.class, HttpTrigger.class,
            DeployedFunction.class);

    private FunctionSource source;

    @Override
    public void accept(FunctionSource annotation) {
        this.source = annotation;
    }

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        String where = "@FunctionSource on " + method.getDeclaringClass().getName() + "#" + method.getName();
        Class<?>[] types = method.getParameterTypes();
        if (types.length == 0 || !TYPES.contains(types[0])) {
            throw new ExtensionConfigurationException(where + ": the first parameter must be a Trigger,"
                    + " LibraryTrigger, HttpTrigger or DeployedFunction, to which each function is bound in turn");
        }
        if (source.repetitions() < 1) {
            throw new ExtensionConfigurationException(where + ": attribute 'repetitions' is "
                    + source.repetitions() + ", but must be at least 1");
        }
        List<String> names = source.value().length > 0 ? List.of(source.value())
                : List.copyOf(FunctionLocks.functionsInScope(context));
        if (names.isEmpty()) {
            throw new ExtensionConfigurationException(where + " names no function and none is in scope; name"
                    + " functions declared with @OpenWhiskFunction, e.g. @FunctionSource({\"a\", \"b\"})");
        }
        List<Arguments> arguments = new ArrayList<>();
        for (String name : names) {
            for (int repetition = 1; repetition <= source.repetitions(); repetition++) {
                String label = source.repetitions() == 1 ? name
                        : name + " (" + repetition + " of " + source.repetitions() + ")";
                arguments.add(Arguments.of(FunctionArgument.of(types[0], name, label)));
            }
        }
        return arguments.stream();
    }
}
