package org.serverlessbench.openwhisk.junit.internal;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;
import org.serverlessbench.openwhisk.junit.Load;
import org.serverlessbench.openwhisk.junit.ReportKeys;
import org.serverlessbench.openwhisk.junit.internal.load.ArrivalSchedule;
import org.serverlessbench.openwhisk.junit.internal.load.OpenLoop;
import org.serverlessbench.openwhisk.report.Conditions;
import org.serverlessbench.openwhisk.report.Statistics;

/**
 * Runs the body of a {@link Load} test in an open loop: once per arrival of its schedule, each run recorded with its
 * {@code scheduledAt} and every invocation with its latency from that moment.
 */
final class LoadDriver implements BodyDriver {

    @Override
    public boolean appliesTo(Method method) {
        return AnnotationSupport.isAnnotated(method, Load.class);
    }

    @Override
    public void drive(TestBody body) throws Throwable {
        Load load = AnnotationSupport.findAnnotation(body.method(), Load.class).orElseThrow();
        ArrivalSchedule schedule = LoadAnnotations.schedule(load);
        TestProgress.planRuns(body.context(), schedule.size(), false);
        Instant wallClock = Instant.now();
        long monotonic = System.nanoTime();
        OpenLoop.Outcome outcome = OpenLoop.run(schedule, load.maxInFlight(),
                TimeUnit.MILLISECONDS.toNanos(Load.START_GRACE_MS), (index, scheduledNanos) -> body.runScheduled(
                        Conditions.NONE.withScheduledAt(wallClock.plusNanos(scheduledNanos - monotonic)),
                        scheduledNanos));
        body.context().publishReportEntry(entries(schedule, outcome));
        if (outcome.dropped() > 0) {
            Method method = body.method();
            throw new AssertionFailedError("@Load on " + method.getDeclaringClass().getName() + "#"
                    + method.getName() + ": " + outcome.dropped() + " of " + schedule.size() + " arrivals were"
                    + " dropped because all maxInFlight = " + load.maxInFlight() + " callers were still busy "
                    + Load.START_GRACE_MS + " ms after their scheduled start; the " + outcome.started()
                    + " runs that started are recorded. Raise maxInFlight or lower the rate");
        }
    }

    private static Map<String, String> entries(ArrivalSchedule schedule, OpenLoop.Outcome outcome) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(ReportKeys.LOAD_SCHEDULED, Integer.toString(schedule.size()));
        entries.put(ReportKeys.LOAD_STARTED, Integer.toString(outcome.started()));
        entries.put(ReportKeys.LOAD_DROPPED, Integer.toString(outcome.dropped()));
        entries.put(ReportKeys.LOAD_SCHEDULED_RATE, String.format(Locale.ROOT, "%.2f", schedule.rate()));
        entries.put(ReportKeys.LOAD_ACHIEVED_RATE, String.format(Locale.ROOT, "%.2f", outcome.achievedRate()));
        Statistics lags = Statistics.of(outcome.startedLagsUs());
        if (!lags.isEmpty()) {
            entries.put(ReportKeys.LOAD_LAG_US + ReportKeys.P50, Long.toString(lags.p50()));
            entries.put(ReportKeys.LOAD_LAG_US + ReportKeys.P99, Long.toString(lags.p99()));
            entries.put(ReportKeys.LOAD_LAG_US + ReportKeys.MAX, Long.toString(lags.max()));
        }
        return entries;
    }
}
