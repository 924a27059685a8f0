package org.serverlessbench.openwhisk.report;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of one long-running test on the console: invocations done (of those planned, when known), cold starts,
 * client p50 so far, elapsed time and, with a plan, the time left. On a terminal one line is rewritten in place at
 * most every 200 ms; elsewhere (CI logs) a plain line is printed at most every 5 s. Safe to use from several threads.
 *
 * <p>A plan is given in invocations, in repetitions of a repeated test ({@link #planFromRepetitions}) or in runs of
 * the test's body ({@link #planRuns}); for the last two the invocations planned are the measured invocations per
 * finished repetition or run times the planned ones. A plan of at most so many runs (adaptive sampling may stop
 * earlier) shows as {@code 37/<=1000 invocations}.
 */
public final class ProgressLine {

    static final Duration TERMINAL_INTERVAL = Duration.ofMillis(200);
    static final Duration LOG_INTERVAL = Duration.ofSeconds(5);

    private final String test;
    private int planned;
    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long[] clientUs = new long[64];
    private int done;
    private int cold;
    private long lastPrintNanos;
    private boolean printed;
    private int plannedRuns;
    private boolean atMost;
    private int runsDone;
    private int invocationsOfRuns;

    /**
     * @param planned the invocations planned, or 0 when not known
     * @param terminal whether {@code out} is an interactive terminal (rewrite one line) or a log
     */
    public ProgressLine(String test, int planned, PrintStream out, boolean terminal, LongSupplier nanoClock) {
        this.test = test;
        this.planned = Math.max(planned, 0);
        this.out = out;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.lastPrintNanos = startNanos;
    }

    /** Counts one finished invocation and prints the line when it is due. */
    public synchronized void record(long clientTimeUs, boolean wasCold) {
        if (done == clientUs.length) {
            clientUs = Arrays.copyOf(clientUs, done * 2);
        }
        clientUs[done++] = clientTimeUs;
        if (wasCold) {
            cold++;
        }
        long now = nanoClock.getAsLong();
        long interval = (terminal ? TERMINAL_INTERVAL : LOG_INTERVAL).toNanos();
        if (now - lastPrintNanos >= interval) {
            lastPrintNanos = now;
            print(now);
        }
    }

    /**
     * Estimates the planned invocations after {@code repetitionsDone} of {@code total} repetitions: the invocations
     * so far per repetition, times the repetitions.
     */
    public synchronized void planFromRepetitions(int repetitionsDone, int total) {
        if (repetitionsDone > 0 && total > 0) {
            planned = (int) Math.round((double) done / repetitionsDone * total);
        }
    }

    /**
     * Plans {@code runs} runs of the test's body, known before they start: an open loop's arrivals, a fixed or
     * adaptive sample count, a closed loop's invocations.
     *
     * @param atMost whether {@code runs} is a maximum that the test may stop short of (adaptive sampling)
     */
    public synchronized void planRuns(int runs, boolean atMost) {
        this.plannedRuns = Math.max(runs, 0);
        this.atMost = atMost;
    }

    /** Counts a finished run of the body that made {@code measuredInvocations} measured (not warm-up) invocations. */
    public synchronized void runFinished(int measuredInvocations) {
        runsDone++;
        invocationsOfRuns += measuredInvocations;
    }

    /** Ends the rewritten line on a terminal, so that what follows starts on a line of its own. */
    public synchronized void finish() {
        if (terminal && printed) {
            out.print(System.lineSeparator());
            out.flush();
        }
    }

    private void print(long now) {
        String line = render(now);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
        } else {
            out.println(line);
        }
        out.flush();
        printed = true;
    }

    synchronized String render(long now) {
        double elapsed = (now - startNanos) / 1e9;
        int plan = plannedInvocations();
        StringBuilder line = new StringBuilder(test).append(": ").append(done);
        if (plan > 0) {
            line.append(atMost ? "/<=" : "/").append(plan);
        }
        line.append(plan == 1 || (plan == 0 && done == 1) ? " invocation, " : " invocations, ")
                .append(cold).append(" cold");
        if (done > 0) {
            long[] sorted = Arrays.copyOf(clientUs, done);
            Arrays.sort(sorted);
            long p50 = sorted[(int) Math.ceil(done * 0.5) - 1];
            line.append(String.format(Locale.ROOT, ", client p50 %.2f ms", p50 / 1000.0));
        }
        line.append(String.format(Locale.ROOT, ", %.0f s elapsed", elapsed));
        if (plan > 0 && done > 0 && done < plan) {
            line.append(String.format(Locale.ROOT, ", %sabout %.0f s left", atMost ? "at most " : "",
                    elapsed / done * (plan - done)));
        }
        return line.toString();
    }

    /**
     * The invocations planned: the runs planned times the measured invocations per finished run, once a run has
     * finished; else the plan in invocations; 0 when not known.
     */
    private int plannedInvocations() {
        if (plannedRuns > 0) {
            return runsDone == 0 ? 0 : (int) Math.round((double) invocationsOfRuns / runsDone * plannedRuns);
        }
        return planned;
    }
}
