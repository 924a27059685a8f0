package org.serverlessbench.openwhisk.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An open-loop load: the test method's body is run at scheduled moments, each run on a caller of its own, whatever
 * the platform does meanwhile. The schedule is either {@link #rate()} arrivals per second for {@link #duration()}
 * ({@link Arrivals#POISSON} or {@link Arrivals#FIXED} spacing) or the arrival offsets of a {@link #trace()} file.
 *
 * <p>Every invocation is recorded with {@code scheduledAt} (the moment its run was scheduled for) and
 * {@code latencyUs}, measured from that moment rather than from when the request went out, so that a stall of the
 * platform is seen in full (no coordinated omission). At most {@link #maxInFlight()} runs are in progress at once;
 * an arrival for which no caller is free within {@value #START_GRACE_MS} ms of its scheduled start is dropped and
 * counted, and dropped arrivals fail the test. A failure of any run stops the schedule and fails the test.
 *
 * <p>Cannot be combined with {@link Concurrency}, {@link ColdStart} or {@link Warmup}. See
 * {@code docs/experiments.md}, section "Load".
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Load {

    /** Arrivals per second, above 0 and at most {@value #MAX_RATE}; not with {@link #trace()}. */
    double rate() default 0;

    /** How the arrivals of {@link #rate()} are spaced. */
    Arrivals arrivals() default Arrivals.POISSON;

    /** How long the schedule runs, e.g. {@code "20s"}; required with {@link #rate()}, not with {@link #trace()}. */
    String duration() default "";

    /** The seed of the {@link Arrivals#POISSON} gaps: the same seed gives the same schedule. */
    long seed() default 1;

    /**
     * A trace file of arrival offsets, relative to the module directory: one offset per line in milliseconds from
     * the start of the run (decimals allowed), in non-decreasing order; blank lines and lines starting with
     * {@code #} are skipped. Instead of {@link #rate()} and {@link #duration()}.
     */
    String trace() default "";

    /** The most runs in progress at once (each on a thread of its own), from 1 to {@value #MAX_CALLERS}. */
    int maxInFlight() default 256;

    /** The largest {@link #rate()} accepted. */
    double MAX_RATE = 100_000;

    /** The largest {@link #maxInFlight()} accepted. */
    int MAX_CALLERS = 4096;

    /** How late a run may start, for want of a free caller, before its arrival is dropped. */
    long START_GRACE_MS = 10;

    /** The spacing of the arrivals of a {@link #rate()}. */
    enum Arrivals {
        /** Exponentially distributed gaps with mean 1/rate (a Poisson process), drawn from {@link #seed()}. */
        POISSON,
        /** Equal gaps of 1/rate. */
        FIXED
    }
}
