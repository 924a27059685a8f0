package org.serverlessbench.openwhisk.junit.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.serverlessbench.openwhisk.junit.Invocation;
import org.serverlessbench.openwhisk.report.Conditions;
import org.serverlessbench.openwhisk.report.InvocationRow;
import org.serverlessbench.openwhisk.report.ProgressLine;
import org.serverlessbench.openwhisk.report.ResultsSink;

/**
 * Collects the invocations of one test (or of one class's {@code @BeforeAll}/{@code @AfterAll}); at the end of the
 * test waits for their records, appends them to the run's results and publishes the report entries.
 *
 * <p>Each invocation is recorded with the {@link Conditions} in force on the thread that made it: those set for the
 * whole test (an experiment's point) overlaid with those an experiment driver set for the current call.
 */
final class Recorder {

    private final String test;
    private final ExtensionContext.Store runStore;
    private final ProgressLine progress;
    private final List<Pending> pending = new ArrayList<>();
    private final ThreadLocal<Conditions> callConditions = new ThreadLocal<>();
    private final ThreadLocal<Boolean> warmupCalls = new ThreadLocal<>();
    private final ThreadLocal<Long> scheduledStart = new ThreadLocal<>();
    /** Measured invocations recorded on each thread, so that a body run can count its own. */
    private final ThreadLocal<int[]> measuredOnThread = ThreadLocal.withInitial(() -> new int[1]);
    private volatile Conditions testConditions = Conditions.NONE;

    private record Pending(DefaultInvocation invocation, Conditions conditions, Long latencyUs) {}

    Recorder(String test, ExtensionContext.Store runStore, ProgressLine progress) {
        this.test = test;
        this.runStore = runStore;
        this.progress = progress;
    }

    /** The recorder of exactly this context, created when missing. */
    static Recorder of(ExtensionContext context) {
        return context.getStore(OpenWhiskExtension.NAMESPACE).getOrComputeIfAbsent(key(context),
                key -> new Recorder(testName(context), context.getRoot().getStore(OpenWhiskExtension.NAMESPACE),
                        TestProgress.of(context)),
                Recorder.class);
    }

    static Optional<Recorder> find(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(OpenWhiskExtension.NAMESPACE).get(key(context), Recorder.class));
    }

    private static String key(ExtensionContext context) {
        return "recorder:" + context.getUniqueId();
    }

    /** {@code Class#method} for a test, so that the repetitions of a test share one name; the class otherwise. */
    static String testName(ExtensionContext context) {
        String type = context.getTestClass().map(Class::getName).orElse(context.getUniqueId());
        return context.getTestMethod().map(Method::getName).map(method -> type + "#" + method).orElse(type);
    }

    /** Sets the conditions of every invocation this recorder records from now on. */
    void testConditions(Conditions conditions) {
        testConditions = conditions;
    }

    /** The conditions an invocation made now on this thread is recorded with. */
    Conditions conditions() {
        Conditions call = callConditions.get();
        return call == null ? testConditions : testConditions.overlay(call);
    }

    /**
     * Runs {@code body} on this thread with {@code conditions} overlaid on the test's for every invocation it makes.
     */
    <T> T during(Conditions conditions, ThrowingSupplier<T> body) throws Throwable {
        Conditions outer = callConditions.get();
        callConditions.set(outer == null ? conditions : outer.overlay(conditions));
        try {
            return body.get();
        } finally {
            if (outer == null) {
                callConditions.remove();
            } else {
                callConditions.set(outer);
            }
        }
    }

    /**
     * Runs {@code body} on this thread recording every invocation it makes as a warm-up (left out of the statistics),
     * for the runs an experiment makes only to warm containers.
     */
    <T> T asWarmup(ThrowingSupplier<T> body) throws Throwable {
        Boolean outer = warmupCalls.get();
        warmupCalls.set(Boolean.TRUE);
        try {
            return body.get();
        } finally {
            if (outer == null) {
                warmupCalls.remove();
            }
        }
    }

    /** The client times of the measured (not warm-up) invocations recorded since the last {@link #finish}. */
    synchronized long[] measuredClientTimesUs() {
        return pending.stream().filter(recorded -> !recorded.invocation().warmup())
                .mapToLong(recorded -> recorded.invocation().clientTimeUs()).toArray();
    }

    /**
     * How many measured invocations recorded since the last {@link #finish} their experiment mode rejects; waits for
     * records still being fetched.
     */
    int rejectedCount() {
        List<Pending> recorded;
        synchronized (this) {
            recorded = List.copyOf(pending);
        }
        return (int) recorded.stream().filter(done -> !done.invocation().warmup())
                .filter(done -> rejection(done.conditions().mode(), done.invocation().cold()) != null).count();
    }

    /**
     * Runs {@code body} like {@link #during}, as the run of an open-loop schedule meant to start at
     * {@code scheduledNanos} ({@link System#nanoTime()}): every invocation it makes is recorded with its latency
     * from that moment.
     */
    <T> T scheduled(long scheduledNanos, Conditions conditions, ThrowingSupplier<T> body) throws Throwable {
        scheduledStart.set(scheduledNanos);
        try {
            return during(conditions, body);
        } finally {
            scheduledStart.remove();
        }
    }

    void record(DefaultInvocation made) {
        DefaultInvocation invocation = Boolean.TRUE.equals(warmupCalls.get()) && !made.warmup()
                ? made.asWarmup() : made;
        Long scheduled = scheduledStart.get();
        Long latencyUs = scheduled == null ? null : Math.max(0, (System.nanoTime() - scheduled) / 1000);
        Conditions conditions = conditions();
        synchronized (this) {
            pending.add(new Pending(invocation, conditions, latencyUs));
        }
        if (!invocation.warmup()) {
            measuredOnThread.get()[0]++;
            progress.record(invocation.clientTimeUs(), invocation.coldKnownNow());
        }
    }

    /**
     * Runs {@code run}, one run of the test's body on this thread, and counts it with its measured invocations in
     * the progress line, unless it is a warm-up run.
     */
    <T> T countedRun(ThrowingSupplier<T> run) throws Throwable {
        int before = measuredOnThread.get()[0];
        try {
            return run.get();
        } finally {
            if (!Boolean.TRUE.equals(warmupCalls.get())) {
                progress.runFinished(measuredOnThread.get()[0] - before);
            }
        }
    }

    /**
     * Waits for the records of the invocations since the last call, appends them to {@code sink} and, if any of
     * them was measured, publishes the report entries. The sink goes into the root Store, so that Jupiter closes it,
     * writing the results files, when the run ends.
     *
     * @return the measured (not warm-up) invocations among them
     */
    List<Invocation> finish(ResultsSink sink, Consumer<Map<String, String>> publisher) {
        runStore.getOrComputeIfAbsent(ResultsSink.class, type -> sink, ResultsSink.class);
        List<Pending> done;
        synchronized (this) {
            done = List.copyOf(pending);
            pending.clear();
        }
        List<Invocation> measured = new ArrayList<>();
        List<InvocationRow> rows = new ArrayList<>(done.size());
        for (Pending recorded : done) {
            rows.add(row(recorded.invocation(), recorded.conditions(), recorded.latencyUs()));
            if (!recorded.invocation().warmup()) {
                measured.add(recorded.invocation());
            }
        }
        sink.appendAll(rows);
        Map<String, String> entries = ReportEntries.of(measured);
        if (!entries.isEmpty()) {
            publisher.accept(entries);
        }
        return measured;
    }

    /** The row of {@code invocation}; its accessors wait for a record still being fetched. */
    private InvocationRow row(DefaultInvocation invocation, Conditions conditions, Long latencyUs) {
        return new InvocationRow(test, invocation.function(), invocation.action(),
                invocation.trigger().name().toLowerCase(Locale.ROOT), invocation.activationId(),
                invocation.warmup(), invocation.cold(), invocation.statusText(), invocation.success(),
                invocation.clientTimeUs(), boxed(invocation.providerExecutionUs()),
                boxed(invocation.providerInitUs()), boxed(invocation.providerWaitUs()),
                boxed(invocation.benchmarkTimeUs()), boxed(invocation.memoryMb()), invocation.clientBegin(),
                invocation.image() == null ? InvocationRow.CODE : InvocationRow.IMAGE, invocation.image(),
                invocation.benchmark(), invocation.language(), invocation.measurement(), conditions,
                invocation.warmup() ? null : rejection(conditions.mode(), invocation.cold()), latencyUs);
    }

    /**
     * Why a sample of an experiment mode is rejected: warm in {@code cold} mode, cold in {@code warm} mode; null when
     * it is kept.
     */
    static String rejection(String mode, boolean cold) {
        if ("cold".equals(mode) && !cold) {
            return InvocationRow.REJECTED_WARM_IN_COLD_MODE;
        }
        if ("warm".equals(mode) && cold) {
            return InvocationRow.REJECTED_COLD_IN_WARM_MODE;
        }
        return null;
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    private static Integer boxed(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }
}
