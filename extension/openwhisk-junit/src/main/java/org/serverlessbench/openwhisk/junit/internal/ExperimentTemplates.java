package org.serverlessbench.openwhisk.junit.internal;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.serverlessbench.openwhisk.junit.FunctionUpdate;
import org.serverlessbench.openwhisk.junit.Payload;
import org.serverlessbench.openwhisk.junit.ReportKeys;

/**
 * Turns a method with experiment annotations ({@code @MemorySizes}, {@code @Mode}, {@code @Trials},
 * {@code @Samples}, {@code @IdleTimes}, {@code @PayloadSizes}) into a test template with one invocation per point of
 * the experiment. Before each invocation the point's memory is applied (and set back after it), a trial gets fresh
 * containers, the point's conditions are set on the test's recorder and a {@link Payload} is offered for injection.
 */
public final class ExperimentTemplates implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(Experiment::declaredOn).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        Experiment experiment = Experiment.read(method, OpenWhiskExtension.testRun(context).limits());
        return experiment.points().stream().map(PointContext::new);
    }

    private record PointContext(ExperimentPoint point) implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return point.displayName();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new PointExtension(point));
        }
    }

    /** Applies one point around its test invocation. */
    private static final class PointExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

        private final ExperimentPoint point;
        private final Map<DeployedAction, Integer> memoryToRestore = new LinkedHashMap<>();

        PointExtension(ExperimentPoint point) {
            this.point = point;
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            point.storeIn(context);
            Recorder.of(context).testConditions(point.conditions());
            Map<String, DeployedAction> functions = TriggerResolver.available(context);
            if (point.memoryMb() != null) {
                for (DeployedAction action : memoryTargets(functions, context)) {
                    memoryToRestore.put(action, action.spec().memory());
                    action.update(FunctionUpdate.memory(point.memoryMb()));
                }
            } else if (point.trial() != null) {
                functions.values().forEach(DeployedAction::newRevision);
            }
            if (point.payloadBytes() != null) {
                publishClockCorrection(context, functions);
            }
        }

        private List<DeployedAction> memoryTargets(Map<String, DeployedAction> functions, ExtensionContext context) {
            List<String> names = point.experiment().memoryFunctions();
            if (names.isEmpty()) {
                return List.copyOf(functions.values());
            }
            for (String name : names) {
                if (!functions.containsKey(name)) {
                    throw new ExtensionConfigurationException("@MemorySizes(functions = " + names + ") on "
                            + TestScope.displayName(context.getRequiredTestMethod()) + ": no function '" + name
                            + "' is in scope; available: " + functions.keySet());
                }
            }
            return names.stream().map(functions::get).toList();
        }

        private static void publishClockCorrection(ExtensionContext context, Map<String, DeployedAction> functions) {
            TestRun run = OpenWhiskExtension.testRun(context);
            ExtensionContext template = context.getParent().orElse(context);
            ClockOffset offset = template.getStore(OpenWhiskExtension.NAMESPACE).getOrComputeIfAbsent(
                    "clock-offset:" + template.getUniqueId(),
                    key -> run.settings().target() == Settings.Target.EMBEDDED || functions.isEmpty()
                            ? ClockOffset.SAME_CLOCK
                            : ClockOffset.measure(functions.values().iterator().next(),
                                    run.call(run.settings().defaultTrigger()), ClockOffset.EXCHANGES),
                    ClockOffset.class);
            Map<String, String> entries = new LinkedHashMap<>();
            entries.put(ReportKeys.CLOCK_CORRECTION, offset.correction());
            offset.offsetMs().ifPresent(value -> entries.put(ReportKeys.CLOCK_OFFSET_MS, Double.toString(value)));
            offset.rttMs().ifPresent(value -> entries.put(ReportKeys.CLOCK_RTT_MS, Double.toString(value)));
            context.publishReportEntry(entries);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            RuntimeException failure = null;
            for (Map.Entry<DeployedAction, Integer> restore : memoryToRestore.entrySet()) {
                try {
                    restore.getKey().update(FunctionUpdate.memory(restore.getValue()));
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            memoryToRestore.clear();
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            return parameterContext.getParameter().getType() == Payload.class && point.payloadBytes() != null;
        }

        @Override
        public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            return Payload.ofBytes(point.payloadBytes());
        }
    }
}
