package org.serverlessbench.openwhisk.junit.internal;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.serverlessbench.openwhisk.junit.InvocationMode;
import org.serverlessbench.openwhisk.junit.ReportKeys;
import org.serverlessbench.openwhisk.report.ConfidenceInterval;
import org.serverlessbench.openwhisk.report.ConfidenceLevel;
import org.serverlessbench.openwhisk.report.Conditions;
import org.serverlessbench.openwhisk.report.Statistics;

/**
 * Runs the body of an experiment's point as its {@code @Samples}, {@code @Mode} and {@code @IdleTimes} demand: a
 * fixed or adaptive number of runs, taken one at a time or in concurrent batches, with the mode's warm-up or forced
 * cold starts; or, in an idle-time map, pairs of runs a scheduled wait apart. Publishes how many samples were taken
 * and why sampling stopped.
 */
final class SamplingDriver implements BodyDriver {

    @Override
    public boolean appliesTo(Method method) {
        return Experiment.drivesBody(method);
    }

    @Override
    public void drive(TestBody body) throws Throwable {
        ExperimentPoint point = ExperimentPoint.find(body.context()).orElseThrow(() -> new IllegalStateException(
                "No experiment point for " + TestScope.displayName(body.method()) + ": @Samples, @Mode and"
                        + " @IdleTimes make a test template; the method must not also be a @Test"));
        if (point.idle() != null) {
            TestProgress.planRuns(body.context(), point.experiment().pairs(), false);
            idleMap(body, point.idle(), point.experiment().pairs());
            publish(body, point.experiment().pairs(), "count", null, Map.of());
            return;
        }
        Experiment.SamplePlan plan = point.experiment().samples();
        TestProgress.planRuns(body.context(), plan.adaptive() ? plan.max() : plan.fixed(), plan.adaptive());
        Sampler sampler = new Sampler(plan, body.recorder());
        InvocationMode mode = point.mode();
        int batch = point.experiment().batch();
        if (mode == InvocationMode.WARM || mode == InvocationMode.BURST) {
            Conditions concurrent = Conditions.NONE.withConcurrency(batch);
            ExecutorService threads = Executors.newFixedThreadPool(batch);
            try {
                if (mode == InvocationMode.WARM) {
                    inParallel(body, batch, concurrent, threads, true);
                }
                while (sampler.wantsMore()) {
                    if (mode == InvocationMode.BURST) {
                        TriggerResolver.available(body.context()).values().forEach(DeployedAction::newRevision);
                    }
                    int runs = sampler.nextBatch(batch);
                    inParallel(body, runs, concurrent, threads, false);
                    sampler.ran(runs);
                }
            } finally {
                threads.shutdownNow();
            }
        } else {
            if (mode == InvocationMode.SEQUENTIAL) {
                body.recorder().asWarmup(() -> {
                    body.run(Conditions.NONE);
                    return null;
                });
            }
            while (sampler.wantsMore()) {
                body.run(Conditions.NONE);
                sampler.ran(1);
            }
        }
        Map<String, String> rejected = mode == InvocationMode.COLD || mode == InvocationMode.WARM
                ? Map.of(ReportKeys.REJECTED_COUNT, Integer.toString(body.recorder().rejectedCount())) : Map.of();
        publish(body, sampler.runs(), sampler.stoppedBy(), sampler.relativeHalfWidth().orElse(null), rejected);
    }

    /**
     * Runs {@code body} {@code runs} times at once on {@code threads}, as warm-ups if {@code warmup}; the first
     * failure is thrown, the others added to it.
     */
    private static void inParallel(TestBody body, int runs, Conditions conditions, ExecutorService threads,
            boolean warmup) throws Throwable {
        List<Future<Throwable>> started = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            started.add(threads.submit(() -> {
                try {
                    if (warmup) {
                        body.recorder().asWarmup(() -> {
                            body.run(conditions);
                            return null;
                        });
                    } else {
                        body.run(conditions);
                    }
                    return null;
                } catch (Throwable e) {
                    return e;
                }
            }));
        }
        Throwable failure = null;
        for (Future<Throwable> run : started) {
            Throwable thrown;
            try {
                thrown = run.get();
            } catch (ExecutionException e) {
                thrown = e.getCause();
            }
            if (thrown != null && failure == null) {
                failure = thrown;
            } else if (thrown != null) {
                failure.addSuppressed(thrown);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * {@code pairs} times: a run recorded as warm-up, a wait of {@code idle} from its end (a scheduled wake-up, not a
     * polling sleep), and a measured run recorded with {@code idleMs}.
     */
    private static void idleMap(TestBody body, Duration idle, int pairs) throws Throwable {
        Conditions afterIdle = Conditions.NONE.withIdleMs(idle.toMillis());
        for (int pair = 0; pair < pairs; pair++) {
            body.recorder().asWarmup(() -> {
                body.run(Conditions.NONE);
                return null;
            });
            CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(idle.toNanos(), TimeUnit.NANOSECONDS)).join();
            body.run(afterIdle);
        }
    }

    private static void publish(TestBody body, int runs, String stoppedBy, Double relativeHalfWidth,
            Map<String, String> more) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(ReportKeys.SAMPLES, Integer.toString(runs));
        entries.put(ReportKeys.SAMPLES_STOPPED_BY, stoppedBy);
        if (relativeHalfWidth != null) {
            entries.put(ReportKeys.SAMPLES_RELATIVE_CI, String.format(Locale.ROOT, "%.4f",
                    relativeHalfWidth));
        }
        entries.putAll(more);
        body.context().publishReportEntry(entries);
    }

    /**
     * Counts the body runs of one point and decides when to stop: after a fixed count, or adaptively once the
     * median's 95 % interval (Le Boudec) of the measured client times lies within the relative bound, or at the
     * maximum.
     */
    static final class Sampler {

        private final Experiment.SamplePlan plan;
        private final Recorder recorder;
        private int runs;
        private String stoppedBy;
        private Double relativeHalfWidth;

        Sampler(Experiment.SamplePlan plan, Recorder recorder) {
            this.plan = plan;
            this.recorder = recorder;
        }

        boolean wantsMore() {
            if (!plan.adaptive()) {
                stoppedBy = "count";
                return runs < plan.fixed();
            }
            if (runs < plan.min()) {
                return true;
            }
            if (narrowEnough(recorder.measuredClientTimesUs())) {
                stoppedBy = "ci";
                return false;
            }
            if (runs >= plan.max()) {
                stoppedBy = "max";
                return false;
            }
            return true;
        }

        /** How many runs the next batch of at most {@code batch} may take without passing the limit. */
        int nextBatch(int batch) {
            int limit = plan.adaptive() ? plan.max() : plan.fixed();
            return Math.max(1, Math.min(batch, limit - runs));
        }

        void ran(int count) {
            runs += count;
        }

        int runs() {
            return runs;
        }

        String stoppedBy() {
            return stoppedBy;
        }

        Optional<Double> relativeHalfWidth() {
            return Optional.ofNullable(relativeHalfWidth);
        }

        private boolean narrowEnough(long[] clientTimesUs) {
            Optional<ConfidenceInterval> interval = Statistics.of(clientTimesUs)
                    .medianInterval(ConfidenceLevel.NINETY_FIVE);
            if (interval.isEmpty()) {
                return false;
            }
            double median = Statistics.of(clientTimesUs).median();
            if (median <= 0) {
                return false;
            }
            relativeHalfWidth = Math.max(median - interval.get().lower(), interval.get().upper() - median) / median;
            return relativeHalfWidth <= plan.relativeCi();
        }
    }
}
