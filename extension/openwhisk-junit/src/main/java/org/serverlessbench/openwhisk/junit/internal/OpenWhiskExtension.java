package org.serverlessbench.openwhisk.junit.internal;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.serverlessbench.openwhisk.junit.FunctionSource;
import org.serverlessbench.openwhisk.junit.OpenWhiskTest;

/**
 * The extension behind {@link OpenWhiskTest}: deploys the functions of a class before its tests and of a method
 * before it, injects triggers and function handles, records every invocation and removes the actions afterwards.
 * All state lives in the JUnit Store: the {@link TestRun} (target, client, results sink) in the root Store,
 * deployed functions and recorders in the Store of their class or method.
 */
public final class OpenWhiskExtension implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback,
        AfterTestExecutionCallback, AfterEachCallback, AfterAllCallback, ParameterResolver, InvocationInterceptor {

    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OpenWhiskExtension.class);

    private final TriggerResolver triggers = new TriggerResolver();
    private final BodyDrivers drivers = BodyDrivers.standard();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent() || context.getTestClass().isEmpty()) {
            return ConditionEvaluationResult.enabled("OpenWhisk availability is decided per class");
        }
        boolean disabledWithout = openWhiskTest(context.getRequiredTestClass())
                .map(OpenWhiskTest::disabledWithoutOpenWhisk).orElse(false);
        if (!disabledWithout) {
            return ConditionEvaluationResult.enabled("disabledWithoutOpenWhisk is false");
        }
        Settings settings = settings(context);
        if (settings.target() == Settings.Target.EMBEDDED) {
            return ConditionEvaluationResult.enabled("the embedded OpenWhisk is always available");
        }
        Reachability reachability = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Reachability.class,
                type -> Reachability.probe(context.getRoot()::getConfigurationParameter), Reachability.class);
        return reachability.reachable()
                ? ConditionEvaluationResult.enabled(reachability.description())
                : ConditionEvaluationResult.disabled("disabledWithoutOpenWhisk is true and "
                        + reachability.description());
    }

    private static Optional<OpenWhiskTest> openWhiskTest(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            Optional<OpenWhiskTest> annotation = AnnotationSupport.findAnnotation(type, OpenWhiskTest.class);
            if (annotation.isPresent()) {
                return annotation;
            }
        }
        return Optional.empty();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        TestRun run = testRun(context);
        deploy(plan(context, run).classFunctions(), context, run);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TestRun run = testRun(context);
        List<FunctionSpec> specs = plan(context, run).functionsOf(context.getRequiredTestMethod());
        if (!specs.isEmpty()) {
            deploy(specs, context, run);
        }
    }

    /**
     * The validated plan of the context's test class, read once in {@code beforeAll}; read here when the extension
     * was registered by a method's {@code @OpenWhiskFunction} only, so that {@code beforeAll} did not run.
     */
    private static ClassPlan plan(ExtensionContext context, TestRun run) {
        Class<?> testClass = context.getRequiredTestClass();
        CodePackager packager = new CodePackager(moduleDirectory(), run.kinds(), FileContributors.of(context));
        ExtensionContext root = context.getRoot();
        ImagePackager images = new ImagePackager(moduleDirectory(), packager, () -> root.getStore(NAMESPACE)
                .getOrComputeIfAbsent(DockerSupport.class, type -> DockerSupport.open(root::getConfigurationParameter),
                        DockerSupport.class));
        FunctionSpecReader reader = new FunctionSpecReader(packager, run.limits(), images);
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(planKey(testClass),
                key -> ClassPlan.read(testClass, reader), ClassPlan.class);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        finishRecording(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        finishRecording(context);
        try {
            TestProgress.executionFinished(context);
            TestChecks.check(context, testRun(context).sink());
        } finally {
            FailureTracker.noteOutcome(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        finishRecording(context);
        FailureTracker.noteOutcome(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        boolean fromFunctionSource = parameterContext.getIndex() == 0
                && AnnotationSupport.isAnnotated(parameterContext.getDeclaringExecutable(), FunctionSource.class);
        return !fromFunctionSource && TriggerResolver.supports(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        TestRun run;
        try {
            run = testRun(extensionContext);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("OpenWhisk is not available for " + parameterContext
                    .getParameter() + ": " + e.getMessage(), e);
        }
        return triggers.resolve(parameterContext, extensionContext, run);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        proceed(invocation, invocationContext, extensionContext);
    }

    /**
     * Binds the {@code @FunctionSource} arguments of this invocation to its test, then runs the body: once, or as
     * the experiment declared on the method demands.
     */
    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext)
            throws Throwable {
        Method method = invocationContext.getExecutable();
        for (Object argument : invocationContext.getArguments()) {
            if (argument instanceof FunctionArgument function) {
                String name = function.functionName();
                String parameter = function.parameterType().getSimpleName() + " (@FunctionSource \"" + name + "\")";
                String where = method.getDeclaringClass().getName() + "#" + method.getName();
                function.bind(triggers.resolve(function.parameterType(), Optional.of(name), parameter, where,
                        extensionContext, testRun(extensionContext)));
            }
        }
        proceed(invocation, invocationContext, extensionContext);
    }

    private void proceed(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        Optional<BodyDriver> driver = drivers.forMethod(invocationContext.getExecutable());
        if (driver.isEmpty()) {
            invocation.proceed();
            return;
        }
        invocation.skip();
        driver.get().drive(TestBody.of(invocationContext, extensionContext));
    }

    private static void finishRecording(ExtensionContext context) {
        Recorder.find(context).ifPresent(recorder -> TestChecks.collect(context,
                recorder.finish(testRun(context).sink(), context::publishReportEntry)));
    }

    /** Deploys {@code specs} at once, each in the background; every action is registered for cleanup first. */
    private static void deploy(List<FunctionSpec> specs, ExtensionContext context, TestRun run) {
        Settings settings = run.settings();
        FunctionRegistry registry = FunctionRegistry.of(context, settings.cleanup());
        List<CompletableFuture<Void>> deployments = new ArrayList<>();
        for (FunctionSpec declared : specs) {
            FunctionSpec spec = ParameterContributors.apply(declared, context);
            DeployedAction action = new DeployedAction(run.client(), run.limits(),
                    settings.actionName(spec.name()), spec);
            registry.add(action);
            deployments.add(run.inBackground(() -> {
                try {
                    action.deploy();
                    return null;
                } catch (RuntimeException e) {
                    throw new IllegalStateException("Deploying @OpenWhiskFunction(name = \"" + spec.name()
                            + "\") on " + spec.declaredOn() + " as action " + action.actionName() + " ("
                            + spec.code().source() + ", kind " + spec.code().kind() + ") failed: " + e.getMessage(),
                            e);
                }
            }));
        }
        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<Void> deployment : deployments) {
            try {
                deployment.join();
            } catch (CompletionException e) {
                failures.add(e.getCause() == null ? e : e.getCause());
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0) instanceof RuntimeException runtime
                    ? runtime : new IllegalStateException(failures.get(0));
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    static Settings settings(ExtensionContext context) {
        ExtensionContext root = context.getRoot();
        return root.getStore(NAMESPACE).getOrComputeIfAbsent(Settings.class,
                type -> Settings.read(root::getConfigurationParameter), Settings.class);
    }

    static TestRun testRun(ExtensionContext context) {
        ExtensionContext root = context.getRoot();
        Settings settings = settings(context);
        return root.getStore(NAMESPACE).getOrComputeIfAbsent(TestRun.class,
                type -> TestRun.start(settings, root::getConfigurationParameter), TestRun.class);
    }

    private static String planKey(Class<?> testClass) {
        return "plan:" + testClass.getName();
    }

    /** Where {@code code} paths start: Maven's {@code basedir} when set (Surefire sets it), else the working dir. */
    static Path moduleDirectory() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }
}
