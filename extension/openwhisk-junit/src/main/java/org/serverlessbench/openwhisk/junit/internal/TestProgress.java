package org.serverlessbench.openwhisk.junit.internal;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.serverlessbench.openwhisk.report.ProgressLine;

/**
 * The console progress of a test, one {@link ProgressLine} per test (a {@code @RepeatedTest}'s repetitions share
 * one; each point of an experiment has its own, named after it). Long tests get a line every 5 s in logs, or an
 * updating line on a terminal; for a repeated test the planned invocations are estimated from the repetitions done
 * so far, for a driven body ({@code @Load}, {@code @Samples}, ...) from the runs its driver plans.
 */
final class TestProgress {

    private TestProgress() {}

    /** The progress line of the test {@code context} belongs to; created on first use. */
    static ProgressLine of(ExtensionContext context) {
        ExtensionContext scope = TestScope.of(context);
        String name = context.getTestMethod().map(TestScope::displayName).orElse(context.getDisplayName())
                + ExperimentPoint.find(context).map(point -> " " + context.getDisplayName()).orElse("");
        return scope.getStore(OpenWhiskExtension.NAMESPACE).getOrComputeIfAbsent("progress:" + scope.getUniqueId(),
                key -> new ProgressLine(name, 0, System.out, System.console() != null, System::nanoTime),
                ProgressLine.class);
    }

    /**
     * Plans {@code runs} runs of the body of the test {@code context} belongs to.
     *
     * @param atMost whether the test may stop after fewer runs (adaptive sampling)
     */
    static void planRuns(ExtensionContext context, int runs, boolean atMost) {
        of(context).planRuns(runs, atMost);
    }

    /** After an execution of a test: updates the plan of a repeated test and ends the line after the last one. */
    static void executionFinished(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return;
        }
        ProgressLine progress = of(context);
        TestScope.repetition(context).ifPresent(at -> progress.planFromRepetitions(at[0], at[1]));
        if (TestScope.isLast(context)) {
            progress.finish();
        }
    }
}
