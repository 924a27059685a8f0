package org.serverlessbench.openwhisk.junit.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;
import org.serverlessbench.openwhisk.junit.ColdStart;
import org.serverlessbench.openwhisk.junit.Concurrency;
import org.serverlessbench.openwhisk.junit.IdleTimes;
import org.serverlessbench.openwhisk.junit.Load;
import org.serverlessbench.openwhisk.junit.Mode;
import org.serverlessbench.openwhisk.junit.Samples;
import org.serverlessbench.openwhisk.junit.Warmup;
import org.serverlessbench.openwhisk.junit.internal.load.ArrivalSchedule;

/** Reads and checks {@link Load} and {@link Concurrency} on a test method. */
final class LoadAnnotations {

    private LoadAnnotations() {}

    /** Adds a message to {@code problems} for every mistake in the method's {@code @Load} and {@code @Concurrency}. */
    static void check(Method method, String where, List<String> problems) {
        Optional<Load> load = AnnotationSupport.findAnnotation(method, Load.class);
        Optional<Concurrency> concurrency = AnnotationSupport.findAnnotation(method, Concurrency.class);
        if (load.isPresent() && concurrency.isPresent()) {
            problems.add("@Load and @Concurrency on " + where + ": a test is either an open loop (@Load) or a closed"
                    + " loop (@Concurrency); remove one of them");
        }
        String name = load.isPresent() ? "@Load" : "@Concurrency";
        if ((load.isPresent() || concurrency.isPresent())) {
            if (AnnotationSupport.isAnnotated(method, ColdStart.class)) {
                problems.add(name + " and @ColdStart on " + where + ": cold starts are forced one at a time, which"
                        + " a load cannot keep; remove one of them");
            }
            for (Class<? extends Annotation> sampling : List.of(Mode.class, Samples.class, IdleTimes.class)) {
                if (AnnotationSupport.isAnnotated(method, sampling)) {
                    problems.add(name + " and @" + sampling.getSimpleName() + " on " + where + ": both decide how"
                            + " often and when the body runs; remove one of them");
                }
            }
            if (AnnotationSupport.isAnnotated(method, Warmup.class)) {
                problems.add(name + " and @Warmup on " + where + ": a warm-up holds every other call of the"
                        + " function back, which a load cannot keep; warm the function up in @BeforeEach instead,"
                        + " or remove @Warmup");
            }
        }
        load.ifPresent(value -> checkLoad(value, where, problems));
        concurrency.ifPresent(value -> checkConcurrency(value, where, problems));
    }

    private static void checkConcurrency(Concurrency concurrency, String where, List<String> problems) {
        String prefix = "@Concurrency(" + concurrency.value() + ") on " + where + ": ";
        if (concurrency.value() < 1 || concurrency.value() > Concurrency.MAX_CALLERS) {
            problems.add(prefix + "attribute 'value' must be from 1 to " + Concurrency.MAX_CALLERS + ", was "
                    + concurrency.value());
        }
        boolean counted = concurrency.invocations() != 0;
        boolean timed = !concurrency.duration().isBlank();
        if (counted == timed) {
            problems.add(prefix + "set exactly one of the attributes 'invocations' (runs in all callers) and"
                    + " 'duration' (e.g. \"20s\")");
        }
        if (concurrency.invocations() < 0) {
            problems.add(prefix + "attribute 'invocations' must be positive, was " + concurrency.invocations());
        }
        if (timed) {
            positiveDuration(concurrency.duration(), "attribute 'duration' of @Concurrency on " + where, problems);
        }
    }

    private static void checkLoad(Load load, String where, List<String> problems) {
        String prefix = "@Load on " + where + ": ";
        if (load.maxInFlight() < 1 || load.maxInFlight() > Load.MAX_CALLERS) {
            problems.add(prefix + "attribute 'maxInFlight' must be from 1 to " + Load.MAX_CALLERS + ", was "
                    + load.maxInFlight());
        }
        if (!load.trace().isBlank()) {
            if (load.rate() != 0 || !load.duration().isBlank()) {
                problems.add(prefix + "attribute 'trace' gives the arrivals; leave 'rate' and 'duration' unset");
                return;
            }
            try {
                ArrivalSchedule.trace(tracePath(load));
            } catch (IllegalArgumentException e) {
                problems.add(prefix + "attribute 'trace': " + e.getMessage());
            }
            return;
        }
        if (!(load.rate() > 0 && load.rate() <= Load.MAX_RATE)) {
            problems.add(prefix + "attribute 'rate' must be above 0 and at most " + (long) Load.MAX_RATE
                    + " arrivals per second, was " + load.rate() + " (or give a 'trace' file)");
        }
        if (load.duration().isBlank()) {
            problems.add(prefix + "attribute 'duration' is required with 'rate', e.g. duration = \"20s\"");
            return;
        }
        Optional<Duration> duration = positiveDuration(load.duration(), "attribute 'duration' of @Load on " + where,
                problems);
        if (duration.isPresent() && load.rate() > 0 && load.rate() <= Load.MAX_RATE
                && load.rate() * duration.get().toNanos() / 1e9 > ArrivalSchedule.MAX_ARRIVALS) {
            problems.add(prefix + "rate " + load.rate() + "/s for " + load.duration() + " makes more than "
                    + ArrivalSchedule.MAX_ARRIVALS + " arrivals; shorten the duration");
        }
    }

    private static Optional<Duration> positiveDuration(String text, String where, List<String> problems) {
        try {
            Duration duration = DurationText.parse(text, where);
            if (duration.isZero()) {
                problems.add(where + " must be above 0, was \"" + text + "\"");
                return Optional.empty();
            }
            return Optional.of(duration);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }

    /** The trace file of {@code load}, relative to the module directory. */
    static Path tracePath(Load load) {
        return OpenWhiskExtension.moduleDirectory().resolve(load.trace());
    }

    /** The arrivals of a checked {@code load}. */
    static ArrivalSchedule schedule(Load load) {
        if (!load.trace().isBlank()) {
            return ArrivalSchedule.trace(tracePath(load));
        }
        Duration duration = DurationText.parse(load.duration(), "@Load duration");
        return load.arrivals() == Load.Arrivals.FIXED
                ? ArrivalSchedule.fixed(load.rate(), duration)
                : ArrivalSchedule.poisson(load.rate(), duration, load.seed());
    }
}
